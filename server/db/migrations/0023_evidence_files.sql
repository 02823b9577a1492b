-- Hand-written: photos and documents attached as evidence to a plan activity's progress report or to an
-- indicator's measurement (issue 16, item 9). One table with exactly one owner; the bytes live in the
-- content-addressed store under <dataDir>/evidence (server/modules/evidence/evidence.service.ts).
CREATE TABLE "evidence_files" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"progress_report_id" uuid,
	"measurement_id" uuid,
	"filename" text NOT NULL,
	"kind" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "evidence_files_report_fk" FOREIGN KEY ("tenant_id","progress_report_id") REFERENCES "plan_progress_reports"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "evidence_files_measurement_fk" FOREIGN KEY ("tenant_id","measurement_id") REFERENCES "strategy_measurements"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "evidence_files_one_owner_check" CHECK (num_nonnulls("progress_report_id", "measurement_id") = 1),
	CONSTRAINT "evidence_files_kind_check" CHECK ("kind" in ('pdf', 'png', 'jpeg', 'webp')),
	CONSTRAINT "evidence_files_size_check" CHECK ("size_bytes" > 0),
	CONSTRAINT "evidence_files_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "evidence_files_report_idx" ON "evidence_files" ("tenant_id","progress_report_id") WHERE "progress_report_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "evidence_files_measurement_idx" ON "evidence_files" ("tenant_id","measurement_id") WHERE "measurement_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "evidence_files_sha256_idx" ON "evidence_files" ("tenant_id","sha256");
--> statement-breakpoint
-- Grants and row-level security as in 0022.
GRANT SELECT, INSERT, DELETE ON evidence_files TO phakhi_app;
--> statement-breakpoint
ALTER TABLE evidence_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE evidence_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON evidence_files USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
