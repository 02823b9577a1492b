-- Hand-written: PDPA (issue 15 item 6) — consent records, the privacy notice, the record of processing activities,
-- the access log of unmasked sensitive fields, retention settings and erasures. RLS in 0049.
CREATE TABLE "privacy_consents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"party_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"lawful_basis" text NOT NULL,
	"given_on" date NOT NULL,
	"method" text NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_by_name" text NOT NULL,
	"note" text,
	"withdrawn_on" date,
	"withdrawn_by_name" text,
	"withdrawal_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_consents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "privacy_consents_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id"),
	CONSTRAINT "privacy_consents_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "parties"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "privacy_consents_basis_check" CHECK ("lawful_basis" in ('consent', 'contract', 'legal_obligation', 'vital_interest', 'public_task', 'legitimate_interest')),
	CONSTRAINT "privacy_consents_method_check" CHECK ("method" in ('paper_form', 'online_form', 'verbal', 'meeting', 'imported', 'other')),
	CONSTRAINT "privacy_consents_withdrawal_check" CHECK (("withdrawn_on" is null) = ("withdrawn_by_name" is null) and ("withdrawn_on" is null or "withdrawn_on" >= "given_on"))
);
--> statement-breakpoint
CREATE INDEX "privacy_consents_party_idx" ON "privacy_consents" ("tenant_id","party_id");
--> statement-breakpoint
-- A consent row is a record: only the withdrawal may be added later, once; nothing else changes (also for the owner).
CREATE FUNCTION privacy_consents_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.withdrawn_on IS NOT NULL
     OR NEW.party_id IS DISTINCT FROM OLD.party_id OR NEW.purpose IS DISTINCT FROM OLD.purpose
     OR NEW.lawful_basis IS DISTINCT FROM OLD.lawful_basis OR NEW.given_on IS DISTINCT FROM OLD.given_on
     OR NEW.method IS DISTINCT FROM OLD.method OR NEW.recorded_by_name IS DISTINCT FROM OLD.recorded_by_name
     OR NEW.recorded_by_user_id IS DISTINCT FROM OLD.recorded_by_user_id OR NEW.note IS DISTINCT FROM OLD.note
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'a consent record is kept as given; only one withdrawal may be added' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER privacy_consents_guard BEFORE UPDATE ON privacy_consents FOR EACH ROW EXECUTE FUNCTION privacy_consents_guard();
--> statement-breakpoint
CREATE TABLE "privacy_notices" (
	"tenant_id" uuid NOT NULL,
	"controller_name" text NOT NULL,
	"controller_address" text,
	"controller_contact" text,
	"dpo_name" text,
	"dpo_contact" text,
	"intro" text,
	"extra" text,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_notices_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "privacy_notices_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id")
);
--> statement-breakpoint
CREATE TABLE "privacy_activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"default_key" text,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"lawful_basis" text NOT NULL,
	"data_subjects" text NOT NULL,
	"data_categories" text[] DEFAULT '{}' NOT NULL,
	"sensitive_data" boolean DEFAULT false NOT NULL,
	"source" text,
	"recipients" text,
	"retention" text NOT NULL,
	"security_measures" text,
	"cross_border" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "privacy_activities_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id"),
	CONSTRAINT "privacy_activities_basis_check" CHECK ("lawful_basis" in ('consent', 'contract', 'legal_obligation', 'vital_interest', 'public_task', 'legitimate_interest')),
	CONSTRAINT "privacy_activities_default_key_unique" UNIQUE ("tenant_id","default_key")
);
--> statement-breakpoint
CREATE TABLE "privacy_access_log" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"viewer_user_id" uuid,
	"viewer_name" text NOT NULL,
	"viewer_role" text NOT NULL,
	"party_id" uuid NOT NULL,
	"fields" text[] NOT NULL,
	"route" text NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_access_log_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "privacy_access_log_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id")
);
--> statement-breakpoint
CREATE INDEX "privacy_access_log_time_idx" ON "privacy_access_log" ("tenant_id","viewed_at");
--> statement-breakpoint
CREATE INDEX "privacy_access_log_party_idx" ON "privacy_access_log" ("tenant_id","party_id");
--> statement-breakpoint
CREATE TABLE "privacy_retention" (
	"tenant_id" uuid NOT NULL,
	"inactive_people_years" integer,
	"access_log_months" integer,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_run_people" integer,
	"last_run_access_rows" integer,
	CONSTRAINT "privacy_retention_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "privacy_retention_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id"),
	CONSTRAINT "privacy_retention_people_check" CHECK ("inactive_people_years" is null or "inactive_people_years" between 1 and 50),
	CONSTRAINT "privacy_retention_log_check" CHECK ("access_log_months" is null or "access_log_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "privacy_erasures" (
	"tenant_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"erased_by_name" text NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_erasures_pk" PRIMARY KEY("tenant_id","party_id"),
	CONSTRAINT "privacy_erasures_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "parties"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "privacy_erasures_reason_check" CHECK ("reason" in ('request', 'retention'))
);
