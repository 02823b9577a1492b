-- Hand-written: grants, row-level security and what drizzle-kit does not express (see 0001, 0005).
GRANT SELECT, INSERT, UPDATE, DELETE ON person_profiles, teams, team_members, team_activities, tasks, volunteer_hours TO phakhi_app;
--> statement-breakpoint
ALTER TABLE person_profiles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_profiles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON person_profiles USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE teams FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON teams USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE team_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON team_members USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE team_activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE team_activities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON team_activities USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tasks USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE volunteer_hours ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE volunteer_hours FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON volunteer_hours USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- Composite foreign keys with ON DELETE SET NULL must not null tenant_id too (PostgreSQL 15+).
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_tenant_id_team_id_teams_tenant_id_id_fk", ADD CONSTRAINT "tasks_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE SET NULL ("team_id");
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_tenant_id_assignee_party_id_parties_tenant_id_id_fk", ADD CONSTRAINT "tasks_tenant_id_assignee_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assignee_party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE SET NULL ("assignee_party_id");
--> statement-breakpoint
ALTER TABLE "teams" DROP CONSTRAINT "teams_tenant_id_lead_party_id_parties_tenant_id_id_fk", ADD CONSTRAINT "teams_tenant_id_lead_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE SET NULL ("lead_party_id");
--> statement-breakpoint
ALTER TABLE "volunteer_hours" DROP CONSTRAINT "volunteer_hours_tenant_id_task_id_tasks_tenant_id_id_fk", ADD CONSTRAINT "volunteer_hours_tenant_id_task_id_tasks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."tasks"("tenant_id","id") ON DELETE SET NULL ("task_id");
--> statement-breakpoint
CREATE INDEX teams_name_trgm_idx ON teams USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX tasks_title_trgm_idx ON tasks USING gin (title gin_trgm_ops);
