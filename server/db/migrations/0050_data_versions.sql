-- Hand-written: a per-tenant data version for the response cache of lists and the dashboard
-- (server/platform/page-cache.ts, docs/decisions/0018-page-cache-data-version.md).
-- The version is a random token replaced by every transaction that writes a row of the tenant (visible at its commit):
-- a cached answer is served only while the tenant's token is the one it was read under. A token (not a
-- counter) names one committed state, so a restored backup cannot bring back a number that meant other data.
CREATE TABLE "tenant_data_versions" (
	"tenant_id" uuid NOT NULL,
	"version" uuid DEFAULT gen_random_uuid() NOT NULL,
	CONSTRAINT "tenant_data_versions_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "tenant_data_versions_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id")
);
--> statement-breakpoint
-- The app role gets no grant: the trigger function below writes as the owner, and the cache reads as the owner
-- (one primary-key read, no tenant settings). RLS is enabled with the tenant policy like every tenant table but not
-- FORCEd (like tenant_users): the owner bumps and reads the token of whichever tenant a statement wrote.
ALTER TABLE tenant_data_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenant_data_versions USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
INSERT INTO tenant_data_versions (tenant_id) SELECT id FROM tenants;
--> statement-breakpoint
-- Fired BEFORE each writing statement (statement level), so a write transaction takes its tenant's token row
-- before the row locks of its first write: every writer of a tenant takes that lock first, in the same order, and
-- writers cannot deadlock on it (unless they locked rows earlier with SELECT … FOR UPDATE). It is held to commit, so
-- the write transactions of one tenant run one after the other; tenants do not wait for each other. The first
-- writing statement of a transaction replaces the token and sets a transaction-local flag; later statements return
-- at once (one replacement is enough: the new token becomes visible at the same instant as all the transaction's
-- rows). The tenant is the transaction's (`app.tenant_id`: row-level security confines the app role's writes to it);
-- a write without one (the owner in psql, a migration) replaces the token of every tenant. A deferred constraint
-- trigger would take the lock only at commit, but leaves pending trigger events that make a later ALTER TABLE in
-- the same transaction fail (55006) — migrations run in one transaction (decision 0018).
CREATE FUNCTION phakhi_bump_data_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  t uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  flag text := 'phakhi.data_version_' || coalesce(replace(t::text, '-', ''), 'all');
BEGIN
  IF current_setting(flag, true) = 'bumped' THEN
    RETURN NULL;
  END IF;
  IF t IS NULL THEN
    INSERT INTO tenant_data_versions AS v (tenant_id, version)
      SELECT id, gen_random_uuid() FROM tenants ORDER BY id
    ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version;
  ELSE
    INSERT INTO tenant_data_versions AS v (tenant_id, version) VALUES (t, gen_random_uuid())
      ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version;
  END IF;
  PERFORM set_config(flag, 'bumped', true);
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION phakhi_bump_data_version() FROM PUBLIC;
--> statement-breakpoint
-- A new tenant table calls this in its migration (server/platform/page-cache.test.ts fails until it does).
CREATE FUNCTION phakhi_track_data_version(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER phakhi_data_version BEFORE INSERT OR UPDATE OR DELETE ON %s '
                 'FOR EACH STATEMENT EXECUTE FUNCTION phakhi_bump_data_version()', tbl);
END $$;
--> statement-breakpoint
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.oid::regclass AS tbl FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
     WHERE c.relkind IN ('r', 'p') AND c.relname <> 'tenant_data_versions'
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
     ORDER BY c.relname
  LOOP
    PERFORM phakhi_track_data_version(r.tbl);
  END LOOP;
END $$;
