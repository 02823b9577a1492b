-- Hand-written: grants and row-level security for the water tables (see 0022).
GRANT SELECT, INSERT, UPDATE, DELETE ON water_sources, water_user_groups, water_group_members, water_rotas, water_rota_turns TO phakhi_app;
--> statement-breakpoint
ALTER TABLE water_sources ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE water_sources FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON water_sources USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE water_user_groups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE water_user_groups FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON water_user_groups USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE water_group_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE water_group_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON water_group_members USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE water_rotas ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE water_rotas FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON water_rotas USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE water_rota_turns ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE water_rota_turns FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON water_rota_turns USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
