-- Hand-written: grants and row-level security for the outbox tables of 0042 (see 0022). The relay reads a sender's
-- outbox as that tenant and writes the receiver's inbox and copy as the receiver: never both in one transaction.
GRANT SELECT, INSERT, UPDATE, DELETE ON local_plan_tenant_links, local_plan_outbox, local_plan_inbox, shared_local_plan_projects TO phakhi_app;
--> statement-breakpoint
ALTER TABLE local_plan_tenant_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_plan_tenant_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON local_plan_tenant_links USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE local_plan_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_plan_outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON local_plan_outbox USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE local_plan_inbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_plan_inbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON local_plan_inbox USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE shared_local_plan_projects ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE shared_local_plan_projects FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON shared_local_plan_projects USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
