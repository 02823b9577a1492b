-- Hand-written: annual repair and dredging (ขุดลอก) of the canal system with each member's labour and materials, and
-- each group's rule of duty days (วันลงแขก) owed per season (issue 14 item 6). Labour is written as the manpower
-- module's volunteer hours, materials as in-kind contributions in the budget ledger; the rows here keep the links.
ALTER TABLE "water_user_groups" ADD COLUMN "duty_basis" text DEFAULT 'per_member' NOT NULL;
--> statement-breakpoint
ALTER TABLE "water_user_groups" ADD COLUMN "duty_days" integer DEFAULT 2 NOT NULL;
--> statement-breakpoint
ALTER TABLE "water_user_groups" ADD COLUMN "duty_rai" numeric(9, 2);
--> statement-breakpoint
ALTER TABLE "water_user_groups" ADD CONSTRAINT "water_user_groups_duty_check" CHECK ("duty_days" between 0 and 365
	and (("duty_basis" = 'per_member' and "duty_rai" is null) or ("duty_basis" = 'per_rai' and "duty_rai" > 0)));
--> statement-breakpoint
CREATE TABLE "water_maintenance_works" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"season" text NOT NULL,
	"source_id" uuid NOT NULL,
	"group_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"activity_id" uuid NOT NULL,
	"fund_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "water_maintenance_works_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "water_maintenance_works_source_fk" FOREIGN KEY ("tenant_id","source_id") REFERENCES "water_sources"("tenant_id","id"),
	CONSTRAINT "water_maintenance_works_group_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "water_user_groups"("tenant_id","id"),
	CONSTRAINT "water_maintenance_works_activity_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "plan_activities"("tenant_id","id"),
	CONSTRAINT "water_maintenance_works_fund_fk" FOREIGN KEY ("tenant_id","fund_id") REFERENCES "budget_funds"("tenant_id","id"),
	CONSTRAINT "water_maintenance_works_kind_check" CHECK ("kind" in ('repair', 'dredging')),
	CONSTRAINT "water_maintenance_works_dates_check" CHECK ("ends_on" >= "starts_on" and "ends_on" - "starts_on" <= 60)
);
--> statement-breakpoint
CREATE INDEX "water_maintenance_works_season_idx" ON "water_maintenance_works" ("tenant_id","season");
--> statement-breakpoint
CREATE TABLE "water_maintenance_contributions" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"work_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"given_on" date NOT NULL,
	"minutes" integer,
	"description" text,
	"value_satang" bigint,
	"volunteer_hours_id" uuid,
	"ledger_transaction_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "water_maintenance_contributions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "water_maintenance_contributions_work_fk" FOREIGN KEY ("tenant_id","work_id") REFERENCES "water_maintenance_works"("tenant_id","id"),
	CONSTRAINT "water_maintenance_contributions_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "parties"("tenant_id","id"),
	CONSTRAINT "water_maintenance_contributions_hours_fk" FOREIGN KEY ("tenant_id","volunteer_hours_id") REFERENCES "volunteer_hours"("tenant_id","id") ON DELETE SET NULL ("volunteer_hours_id"),
	CONSTRAINT "water_maintenance_contributions_ledger_fk" FOREIGN KEY ("tenant_id","ledger_transaction_id") REFERENCES "ledger_transactions"("tenant_id","id"),
	CONSTRAINT "water_maintenance_contributions_kind_check" CHECK (
		("kind" = 'labour' and "minutes" between 1 and 1440 and "value_satang" is null and "ledger_transaction_id" is null)
		or ("kind" = 'material' and "minutes" is null and "value_satang" > 0 and "description" is not null and "volunteer_hours_id" is null))
);
--> statement-breakpoint
CREATE INDEX "water_maintenance_contributions_work_idx" ON "water_maintenance_contributions" ("tenant_id","work_id");
--> statement-breakpoint
CREATE INDEX "water_maintenance_contributions_party_idx" ON "water_maintenance_contributions" ("tenant_id","party_id","given_on");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON water_maintenance_works, water_maintenance_contributions TO phakhi_app;
--> statement-breakpoint
ALTER TABLE water_maintenance_works ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE water_maintenance_works FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON water_maintenance_works USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE water_maintenance_contributions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE water_maintenance_contributions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON water_maintenance_contributions USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
