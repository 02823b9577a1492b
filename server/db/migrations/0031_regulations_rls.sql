-- Hand-written: grants and row-level security for the regulation tables (see 0022).
GRANT SELECT, INSERT, UPDATE, DELETE ON regulations, regulation_versions, regulation_chapters, regulation_clauses, regulation_fines TO phakhi_app;
--> statement-breakpoint
ALTER TABLE regulations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE regulations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON regulations USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE regulation_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE regulation_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON regulation_versions USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE regulation_chapters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE regulation_chapters FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON regulation_chapters USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE regulation_clauses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE regulation_clauses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON regulation_clauses USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE regulation_fines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE regulation_fines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON regulation_fines USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
