-- Hand-written: the knowledge search's full-text index, per tenant, on a PostgreSQL server.
-- The GIN index on search_vector alone holds the matches of every tenant: a search read them all and kept its
-- tenant's (on the 200-tenant data set 5,873 index entries for 32 rows; ~230,000 a common word at the country's
-- 7,850 tenants), so its cost grew with the country, not with the tenant. btree_gin lets one GIN index lead with
-- tenant_id: the same search reads only its tenant's entries (docs/performance.md, "Knowledge search").
-- Not on PGlite (the embedded database, one municipality): there (PGlite 0.5.16, PostgreSQL 18.6 in WASM) a search
-- whose words include one found in no item never returned with this index, while PostgreSQL 15 answered at once;
-- PGlite keeps the index on search_vector alone.
DO $$
BEGIN
  IF version() NOT LIKE '%emscripten%' THEN
    CREATE EXTENSION IF NOT EXISTS btree_gin;
    CREATE INDEX knowledge_items_tenant_search_idx ON knowledge_items USING gin (tenant_id, search_vector);
    DROP INDEX IF EXISTS knowledge_items_search_idx;
  END IF;
END $$;
