-- Hand-written: grants and row-level security for the water incident tables (see 0022).
GRANT SELECT, INSERT, UPDATE, DELETE ON water_incidents, water_incident_fines TO phakhi_app;
--> statement-breakpoint
ALTER TABLE water_incidents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE water_incidents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON water_incidents USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE water_incident_fines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE water_incident_fines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON water_incident_fines USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
