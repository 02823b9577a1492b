-- Hand-written: grants, row-level security and the indexes drizzle-kit does not express (see 0001).
GRANT SELECT, INSERT, UPDATE, DELETE ON strategy_frames, strategy_goals, strategy_goal_networks, strategy_goal_parties, strategies, strategy_indicators, strategy_indicator_targets, strategy_measurements, plans, plan_networks, plan_projects, plan_project_indicators, plan_activities, plan_progress_reports, participation_records TO phakhi_app;
--> statement-breakpoint
ALTER TABLE strategy_frames ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_frames FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategy_frames USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE strategy_goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_goals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategy_goals USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE strategy_goal_networks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_goal_networks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategy_goal_networks USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE strategy_goal_parties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_goal_parties FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategy_goal_parties USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE strategies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategies USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE strategy_indicators ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_indicators FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategy_indicators USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE strategy_indicator_targets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_indicator_targets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategy_indicator_targets USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE strategy_measurements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_measurements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategy_measurements USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON plans USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE plan_networks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_networks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON plan_networks USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE plan_projects ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_projects FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON plan_projects USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE plan_project_indicators ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_project_indicators FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON plan_project_indicators USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE plan_activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_activities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON plan_activities USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE plan_progress_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_progress_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON plan_progress_reports USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE participation_records ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE participation_records FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON participation_records USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- Composite foreign keys with ON DELETE SET NULL must not null tenant_id too: re-create them as
-- SET NULL (column) (PostgreSQL 15+), so deleting a partner, strategy, network or predecessor keeps the row.
ALTER TABLE "plan_activities" DROP CONSTRAINT "plan_activities_tenant_id_lead_party_id_parties_tenant_id_id_fk", ADD CONSTRAINT "plan_activities_tenant_id_lead_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE SET NULL ("lead_party_id");
--> statement-breakpoint
ALTER TABLE "plan_activities" DROP CONSTRAINT "plan_activities_tenant_id_predecessor_activity_id_plan_activities_tenant_id_id_fk", ADD CONSTRAINT "plan_activities_tenant_id_predecessor_activity_id_plan_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","predecessor_activity_id") REFERENCES "public"."plan_activities"("tenant_id","id") ON DELETE SET NULL ("predecessor_activity_id");
--> statement-breakpoint
ALTER TABLE "plan_projects" DROP CONSTRAINT "plan_projects_tenant_id_strategy_id_strategies_tenant_id_id_fk", ADD CONSTRAINT "plan_projects_tenant_id_strategy_id_strategies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","strategy_id") REFERENCES "public"."strategies"("tenant_id","id") ON DELETE SET NULL ("strategy_id");
--> statement-breakpoint
ALTER TABLE "plan_projects" DROP CONSTRAINT "plan_projects_tenant_id_lead_party_id_parties_tenant_id_id_fk", ADD CONSTRAINT "plan_projects_tenant_id_lead_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE SET NULL ("lead_party_id");
--> statement-breakpoint
ALTER TABLE "plan_projects" DROP CONSTRAINT "plan_projects_tenant_id_predecessor_project_id_plan_projects_tenant_id_id_fk", ADD CONSTRAINT "plan_projects_tenant_id_predecessor_project_id_plan_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","predecessor_project_id") REFERENCES "public"."plan_projects"("tenant_id","id") ON DELETE SET NULL ("predecessor_project_id");
--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_tenant_id_predecessor_plan_id_plans_tenant_id_id_fk", ADD CONSTRAINT "plans_tenant_id_predecessor_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","predecessor_plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE SET NULL ("predecessor_plan_id");
--> statement-breakpoint
ALTER TABLE "participation_records" DROP CONSTRAINT "participation_records_tenant_id_network_id_networks_tenant_id_id_fk", ADD CONSTRAINT "participation_records_tenant_id_network_id_networks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","network_id") REFERENCES "public"."networks"("tenant_id","id") ON DELETE SET NULL ("network_id");
--> statement-breakpoint
ALTER TABLE "participation_records" DROP CONSTRAINT "participation_records_tenant_id_plan_id_plans_tenant_id_id_fk", ADD CONSTRAINT "participation_records_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE SET NULL ("plan_id");
--> statement-breakpoint
ALTER TABLE "participation_records" DROP CONSTRAINT "participation_records_tenant_id_activity_id_plan_activities_tenant_id_id_fk", ADD CONSTRAINT "participation_records_tenant_id_activity_id_plan_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."plan_activities"("tenant_id","id") ON DELETE SET NULL ("activity_id");
--> statement-breakpoint
-- Thai substring search on plan, project and activity names (ILIKE '%…%').
CREATE INDEX plans_name_trgm_idx ON plans USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX plan_projects_name_trgm_idx ON plan_projects USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX participation_records_title_trgm_idx ON participation_records USING gin (title gin_trgm_ops);
