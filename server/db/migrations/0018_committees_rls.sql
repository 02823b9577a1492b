-- Hand-written: grants and row-level security for the committee tables (see 0009, 0011).
GRANT SELECT, INSERT, UPDATE, DELETE ON committees, committee_networks, committee_members, meetings, meeting_agenda_items, meeting_attendance, resolutions, resolution_action_items TO phakhi_app;
--> statement-breakpoint
ALTER TABLE committees ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE committees FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON committees USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE committee_networks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE committee_networks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON committee_networks USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE committee_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE committee_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON committee_members USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meetings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON meetings USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE meeting_agenda_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meeting_agenda_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON meeting_agenda_items USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE meeting_attendance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meeting_attendance FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON meeting_attendance USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE resolutions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE resolutions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON resolutions USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE resolution_action_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE resolution_action_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON resolution_action_items USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE INDEX committees_name_trgm_idx ON committees USING gin (name gin_trgm_ops);
