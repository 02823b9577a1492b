-- Hand-written: grants and row-level security for the local plan tables (see 0018).
GRANT SELECT, INSERT, UPDATE, DELETE ON local_plans, local_plan_strategies, local_plan_programmes, local_plan_editions, local_plan_projects, local_plan_project_years TO phakhi_app;
--> statement-breakpoint
ALTER TABLE local_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON local_plans USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE local_plan_strategies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_plan_strategies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON local_plan_strategies USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE local_plan_programmes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_plan_programmes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON local_plan_programmes USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE local_plan_editions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_plan_editions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON local_plan_editions USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE local_plan_projects ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_plan_projects FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON local_plan_projects USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE local_plan_project_years ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_plan_project_years FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON local_plan_project_years USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
