CREATE TABLE "budget_funds" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"party_id" uuid,
	"fiscal_year" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_funds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "budget_funds_kind_check" CHECK ("budget_funds"."kind" in ('municipal', 'partner_cash', 'in_kind', 'grant', 'donation')),
	CONSTRAINT "budget_funds_party_check" CHECK ("budget_funds"."kind" = 'municipal' or "budget_funds"."party_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"plan_id" uuid NOT NULL,
	"project_id" uuid,
	"activity_id" uuid,
	"name" text NOT NULL,
	"allocated_satang" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_lines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "budget_lines_allocated_check" CHECK ("budget_lines"."allocated_satang" >= 0)
);
--> statement-breakpoint
CREATE TABLE "budget_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"approval_threshold_satang" bigint DEFAULT 5000000 NOT NULL,
	"head_seq" integer DEFAULT 0 NOT NULL,
	"head_hash" text DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"tenant_id" uuid NOT NULL,
	"transaction_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"account" text NOT NULL,
	"fund_id" uuid NOT NULL,
	"budget_line_id" uuid,
	"amount_satang" bigint NOT NULL,
	CONSTRAINT "ledger_entries_tenant_id_transaction_id_line_no_pk" PRIMARY KEY("tenant_id","transaction_id","line_no"),
	CONSTRAINT "ledger_entries_account_check" CHECK ("ledger_entries"."account" in ('fund', 'contribution', 'commitment', 'expense')),
	CONSTRAINT "ledger_entries_amount_check" CHECK ("ledger_entries"."amount_satang" <> 0),
	CONSTRAINT "ledger_entries_line_check" CHECK (("ledger_entries"."account" in ('commitment', 'expense')) = ("ledger_entries"."budget_line_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "ledger_evidence" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"transaction_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"kind" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_evidence_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"description" text NOT NULL,
	"party_id" uuid,
	"reverses_id" uuid,
	"total_satang" bigint NOT NULL,
	"status" text NOT NULL,
	"maker_user_id" uuid,
	"maker_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approver_user_id" uuid,
	"approver_name" text,
	"decided_at" timestamp with time zone,
	"rejection_reason" text,
	"seq" integer,
	"posted_at" timestamp with time zone,
	"prev_hash" text,
	"hash" text,
	CONSTRAINT "ledger_transactions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "ledger_transactions_kind_check" CHECK ("ledger_transactions"."kind" in ('contribution', 'commitment', 'expense', 'transfer', 'reversal')),
	CONSTRAINT "ledger_transactions_status_check" CHECK ("ledger_transactions"."status" in ('pending', 'posted', 'rejected')),
	CONSTRAINT "ledger_transactions_total_check" CHECK ("ledger_transactions"."total_satang" > 0),
	CONSTRAINT "ledger_transactions_posted_check" CHECK (("ledger_transactions"."status" = 'posted') = ("ledger_transactions"."seq" is not null and "ledger_transactions"."hash" is not null and "ledger_transactions"."prev_hash" is not null and "ledger_transactions"."posted_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "budget_funds" ADD CONSTRAINT "budget_funds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_funds" ADD CONSTRAINT "budget_funds_tenant_id_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_tenant_id_project_id_plan_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."plan_projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_tenant_id_activity_id_plan_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."plan_activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_settings" ADD CONSTRAINT "budget_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_tenant_id_transaction_id_ledger_transactions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","transaction_id") REFERENCES "public"."ledger_transactions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_tenant_id_fund_id_budget_funds_tenant_id_id_fk" FOREIGN KEY ("tenant_id","fund_id") REFERENCES "public"."budget_funds"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_tenant_id_budget_line_id_budget_lines_tenant_id_id_fk" FOREIGN KEY ("tenant_id","budget_line_id") REFERENCES "public"."budget_lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_evidence" ADD CONSTRAINT "ledger_evidence_tenant_id_transaction_id_ledger_transactions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","transaction_id") REFERENCES "public"."ledger_transactions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_tenant_id_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_tenant_id_reverses_id_ledger_transactions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","reverses_id") REFERENCES "public"."ledger_transactions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_funds_year_idx" ON "budget_funds" USING btree ("tenant_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "budget_lines_plan_idx" ON "budget_lines" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "budget_lines_year_idx" ON "budget_lines" USING btree ("tenant_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "ledger_entries_fund_idx" ON "ledger_entries" USING btree ("tenant_id","fund_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_line_idx" ON "ledger_entries" USING btree ("tenant_id","budget_line_id");--> statement-breakpoint
CREATE INDEX "ledger_evidence_tx_idx" ON "ledger_evidence" USING btree ("tenant_id","transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_seq_uq" ON "ledger_transactions" USING btree ("tenant_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_reverses_uq" ON "ledger_transactions" USING btree ("tenant_id","reverses_id") WHERE "ledger_transactions"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "ledger_transactions_year_idx" ON "ledger_transactions" USING btree ("tenant_id","fiscal_year","occurred_on");--> statement-breakpoint
CREATE INDEX "ledger_transactions_status_idx" ON "ledger_transactions" USING btree ("tenant_id","status");