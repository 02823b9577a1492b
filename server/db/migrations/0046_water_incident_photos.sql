-- Hand-written: photos of a water incident are evidence files like those of progress reports and measurements
-- (issue 14 item 5): one more owner column on evidence_files, still exactly one owner per file.
ALTER TABLE "evidence_files" ADD COLUMN "incident_id" uuid;
--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_incident_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "water_incidents"("tenant_id","id") ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "evidence_files" DROP CONSTRAINT "evidence_files_one_owner_check";
--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_one_owner_check" CHECK (num_nonnulls("progress_report_id", "measurement_id", "incident_id") = 1);
--> statement-breakpoint
CREATE INDEX "evidence_files_incident_idx" ON "evidence_files" ("tenant_id","incident_id") WHERE "incident_id" IS NOT NULL;
