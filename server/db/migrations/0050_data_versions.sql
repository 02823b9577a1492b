-- Hand-written: a per-tenant data version for the response cache of lists and the dashboard
-- (server/platform/page-cache.ts, docs/decisions/0018-page-cache-data-version.md).
-- The version is a random token replaced at the commit of every transaction that wrote a row of the tenant:
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
-- Fired at COMMIT (a deferred constraint trigger, one event per written row): the token's row lock is taken only
-- while the transaction commits, after every other lock it holds, so concurrent writers of one tenant queue for a
-- moment but cannot deadlock on it. The first event of a transaction for a tenant replaces the token; the others
-- see the transaction-local flag and return. One replacement is enough: the new token becomes visible to other
-- transactions at the same instant as all of this transaction's rows.
CREATE FUNCTION phakhi_bump_data_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  t uuid;
  flag text;
BEGIN
  IF TG_OP = 'DELETE' THEN t := OLD.tenant_id; ELSE t := NEW.tenant_id; END IF;
  flag := 'phakhi.data_version_' || replace(t::text, '-', '');
  IF current_setting(flag, true) = 'bumped' THEN
    RETURN NULL;
  END IF;
  INSERT INTO tenant_data_versions AS v (tenant_id, version) VALUES (t, gen_random_uuid())
    ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version;
  PERFORM set_config(flag, 'bumped', true);
  -- a row moved to another tenant (no code does this) changes that tenant's data too
  IF TG_OP = 'UPDATE' AND OLD.tenant_id IS DISTINCT FROM NEW.tenant_id THEN
    INSERT INTO tenant_data_versions AS v (tenant_id, version) VALUES (OLD.tenant_id, gen_random_uuid())
      ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION phakhi_bump_data_version() FROM PUBLIC;
--> statement-breakpoint
-- A new tenant table calls this in its migration (server/platform/page-cache.test.ts fails until it does).
CREATE FUNCTION phakhi_track_data_version(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE CONSTRAINT TRIGGER phakhi_data_version AFTER INSERT OR UPDATE OR DELETE ON %s '
                 'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION phakhi_bump_data_version()', tbl);
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
