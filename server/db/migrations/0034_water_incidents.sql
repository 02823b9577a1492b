-- Hand-written: water incidents and the fines levied on them from the regulation in force on the incident date (issue 14 part D). RLS in 0035.
CREATE TABLE "water_incidents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid,
	"group_id" uuid,
	"reporter_party_id" uuid,
	"place" text NOT NULL,
	"description" text NOT NULL,
	"evidence_note" text,
	"resolution" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "water_incidents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "water_incidents_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id"),
	CONSTRAINT "water_incidents_source_fk" FOREIGN KEY ("tenant_id","source_id") REFERENCES "water_sources"("tenant_id","id"),
	CONSTRAINT "water_incidents_group_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "water_user_groups"("tenant_id","id"),
	CONSTRAINT "water_incidents_reporter_fk" FOREIGN KEY ("tenant_id","reporter_party_id") REFERENCES "parties"("tenant_id","id"),
	CONSTRAINT "water_incidents_kind_check" CHECK ("kind" in ('out_of_turn', 'blocked_ditch', 'gate_without_right', 'damage', 'flood', 'drought', 'dispute', 'other')),
	CONSTRAINT "water_incidents_status_check" CHECK ("status" in ('open', 'resolved'))
);
--> statement-breakpoint
CREATE INDEX "water_incidents_date_idx" ON "water_incidents" ("tenant_id","occurred_on");
--> statement-breakpoint
-- A fine: the schedule entry of the version in force on the incident date, the amount it set, who pays; when paid, the ledger transaction.
CREATE TABLE "water_incident_fines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"regulation_fine_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"repeat" boolean DEFAULT false NOT NULL,
	"amount_satang" bigint NOT NULL,
	"paid_on" date,
	"ledger_transaction_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "water_incident_fines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "water_incident_fines_incident_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "water_incidents"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "water_incident_fines_fine_fk" FOREIGN KEY ("tenant_id","regulation_fine_id") REFERENCES "regulation_fines"("tenant_id","id"),
	CONSTRAINT "water_incident_fines_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "parties"("tenant_id","id"),
	CONSTRAINT "water_incident_fines_ledger_fk" FOREIGN KEY ("tenant_id","ledger_transaction_id") REFERENCES "ledger_transactions"("tenant_id","id"),
	CONSTRAINT "water_incident_fines_amount_check" CHECK ("amount_satang" > 0),
	CONSTRAINT "water_incident_fines_paid_check" CHECK (("paid_on" is null) = ("ledger_transaction_id" is null))
);
--> statement-breakpoint
CREATE INDEX "water_incident_fines_incident_idx" ON "water_incident_fines" ("tenant_id","incident_id");
