-- Hand-written: drizzle-kit does not emit extensions, roles, grants or row-level security.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- The application's role. It is not a superuser and does not own the tables, so RLS applies to it.
-- Roles are cluster-wide: create it only once per server.
DO $$
BEGIN
  BEGIN
    CREATE ROLE phakhi_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- another database on this server made it first
  END;
  -- the migrating (owner) role must be able to SET ROLE phakhi_app
  IF NOT pg_has_role(current_user, 'phakhi_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT phakhi_app TO %I', current_user);
    EXCEPTION WHEN unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO phakhi_app;
--> statement-breakpoint
GRANT SELECT ON tenants, users TO phakhi_app;
--> statement-breakpoint
GRANT UPDATE (name, updated_at) ON users TO phakhi_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON parties, party_relationships, networks, network_stage_changes, network_members, tenant_users TO phakhi_app;
--> statement-breakpoint
-- the audit log is append-only for the application
GRANT SELECT, INSERT ON audit_log TO phakhi_app;
--> statement-breakpoint
ALTER TABLE parties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE parties FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON parties USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE party_relationships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE party_relationships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON party_relationships USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE networks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE networks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON networks USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE network_stage_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE network_stage_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON network_stage_changes USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE network_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE network_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON network_members USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE tenant_users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- tenant_users is not FORCEd: the owner reads a user's tenants across tenants at login (/auth/me).
CREATE POLICY tenant_isolation ON tenant_users USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- Thai-friendly substring search on names (ILIKE '%…%' uses these).
CREATE INDEX parties_name_trgm_idx ON parties USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX networks_name_trgm_idx ON networks USING gin (name gin_trgm_ops);
