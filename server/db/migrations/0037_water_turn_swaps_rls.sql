-- Hand-written: grants and row-level security for the turn swaps (see 0022).
GRANT SELECT, INSERT, UPDATE, DELETE ON water_turn_swaps TO phakhi_app;
--> statement-breakpoint
ALTER TABLE water_turn_swaps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE water_turn_swaps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON water_turn_swaps USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
