-- Hand-written: grants, row-level security, the forum host FK, and the search indexes for knowledge management.
GRANT SELECT, INSERT, UPDATE, DELETE ON knowledge_items, knowledge_item_networks, knowledge_item_parties, knowledge_forums, knowledge_forum_participants, knowledge_forum_items, knowledge_attachments TO phakhi_app;
--> statement-breakpoint
-- the version history is append-only for the application (rows go only with their item, by FK cascade)
GRANT SELECT, INSERT ON knowledge_versions TO phakhi_app;
--> statement-breakpoint
-- read counts: one row per reader per day, incremented
GRANT SELECT, INSERT, UPDATE ON knowledge_views TO phakhi_app;
--> statement-breakpoint
ALTER TABLE knowledge_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON knowledge_items USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE knowledge_item_networks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_item_networks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON knowledge_item_networks USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE knowledge_item_parties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_item_parties FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON knowledge_item_parties USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE knowledge_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON knowledge_versions USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE knowledge_forums ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_forums FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON knowledge_forums USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE knowledge_forum_participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_forum_participants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON knowledge_forum_participants USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE knowledge_forum_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_forum_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON knowledge_forum_items USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE knowledge_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_attachments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON knowledge_attachments USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE knowledge_views ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_views FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON knowledge_views USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- A forum keeps its record when its host network is deleted: only the host column is cleared (PostgreSQL 15+).
ALTER TABLE knowledge_forums ADD CONSTRAINT knowledge_forums_host_network_fk FOREIGN KEY (tenant_id, host_network_id) REFERENCES networks (tenant_id, id) ON DELETE SET NULL (host_network_id);
--> statement-breakpoint
-- Thai full-text search over the segmented words (see server/modules/knowledge/thai-text.ts).
CREATE INDEX knowledge_items_search_idx ON knowledge_items USING gin (search_vector);
--> statement-breakpoint
-- Typo-tolerant title matching (word_similarity, the <% operator) and substring search on titles.
CREATE INDEX knowledge_items_title_trgm_idx ON knowledge_items USING gin (title gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX knowledge_items_tags_idx ON knowledge_items USING gin (tags);
--> statement-breakpoint
CREATE INDEX knowledge_forums_title_trgm_idx ON knowledge_forums USING gin (title gin_trgm_ops);
--> statement-breakpoint
-- Keep rows narrow so a search over thousands of matches reads few pages: long columns go out of line early,
-- the small ranking vector stays in the row.
ALTER TABLE knowledge_items SET (toast_tuple_target = 512);
--> statement-breakpoint
ALTER TABLE knowledge_items ALTER COLUMN search_head SET STORAGE MAIN;
--> statement-breakpoint
-- Row-level security evaluates the policy before any qual whose function is not LEAKPROOF, so under RLS the
-- planner cannot use the GIN (tsvector @@) or trigram (<%) indexes and scans the whole tenant (seconds at
-- 100k items). These match functions return only a boolean computed from their arguments and raise no
-- data-dependent errors; marking them LEAKPROOF lets the indexes be used. Only a superuser may do this: other
-- deployments keep correct but slower searches (see docs/ARCHITECTURE.md).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;
    ALTER FUNCTION word_similarity_commutator_op(text, text) LEAKPROOF;
  ELSE
    RAISE NOTICE 'not a superuser: knowledge search indexes cannot be used under row-level security';
  END IF;
END
$$;
