-- Hand-written: community regulations (กฎระเบียบ) in versions, chapters (หมวด) and clauses (ข้อ), with their fine schedules (issue 14, part A).
-- A version is a draft until a committee resolution or a recorded community vote adopts it; adopted content never changes. RLS and grants in 0031.
CREATE TABLE "regulations" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"network_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "regulations_network_fk" FOREIGN KEY ("tenant_id","network_id") REFERENCES "networks"("tenant_id","id") ON DELETE SET NULL ("network_id")
);
--> statement-breakpoint
CREATE TABLE "regulation_versions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"regulation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"preamble" text,
	"effective_from" date,
	"change_note" text,
	"adoption_kind" text,
	"adopted_on" date,
	"resolution_id" uuid,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	"vote_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulation_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "regulation_versions_regulation_fk" FOREIGN KEY ("tenant_id","regulation_id") REFERENCES "regulations"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "regulation_versions_resolution_fk" FOREIGN KEY ("tenant_id","resolution_id") REFERENCES "resolutions"("tenant_id","id"),
	CONSTRAINT "regulation_versions_number_uq" UNIQUE ("tenant_id","regulation_id","number"),
	CONSTRAINT "regulation_versions_resolution_uq" UNIQUE ("tenant_id","resolution_id"),
	CONSTRAINT "regulation_versions_status_check" CHECK (
		("status" = 'draft' and "adoption_kind" is null and "adopted_on" is null and "resolution_id" is null)
		or ("status" = 'adopted' and "effective_from" is not null and "adopted_on" is not null and "effective_from" >= "adopted_on" and (
			("adoption_kind" = 'resolution' and "resolution_id" is not null)
			or ("adoption_kind" = 'community_vote' and "resolution_id" is null and "votes_for" > coalesce("votes_against", 0)))))
);
--> statement-breakpoint
CREATE INDEX "regulation_versions_in_force_idx" ON "regulation_versions" ("tenant_id","regulation_id","effective_from") WHERE "status" = 'adopted';
--> statement-breakpoint
CREATE TABLE "regulation_chapters" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "regulation_chapters_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "regulation_chapters_version_fk" FOREIGN KEY ("tenant_id","version_id") REFERENCES "regulation_versions"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "regulation_chapters_number_uq" UNIQUE ("tenant_id","version_id","number")
);
--> statement-breakpoint
CREATE TABLE "regulation_clauses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"chapter_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "regulation_clauses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "regulation_clauses_version_fk" FOREIGN KEY ("tenant_id","version_id") REFERENCES "regulation_versions"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "regulation_clauses_chapter_fk" FOREIGN KEY ("tenant_id","chapter_id") REFERENCES "regulation_chapters"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "regulation_clauses_number_uq" UNIQUE ("tenant_id","version_id","number"),
	CONSTRAINT "regulation_clauses_version_id_uq" UNIQUE ("tenant_id","version_id","id")
);
--> statement-breakpoint
-- A fine points to the clause it enforces, in the same version (the composite FK makes a fine of another version's clause impossible).
CREATE TABLE "regulation_fines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"clause_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"offence" text NOT NULL,
	"amount_satang" bigint NOT NULL,
	"repeat_amount_satang" bigint,
	CONSTRAINT "regulation_fines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "regulation_fines_clause_fk" FOREIGN KEY ("tenant_id","version_id","clause_id") REFERENCES "regulation_clauses"("tenant_id","version_id","id") ON DELETE CASCADE,
	CONSTRAINT "regulation_fines_amount_check" CHECK ("amount_satang" >= 0 and ("repeat_amount_satang" is null or "repeat_amount_satang" >= 0))
);
--> statement-breakpoint
CREATE INDEX "regulation_fines_version_idx" ON "regulation_fines" ("tenant_id","version_id");
--> statement-breakpoint
-- A committee resolution may adopt a regulation version (like adopting a plan or approving a budget line).
ALTER TABLE "resolutions" ADD COLUMN "regulation_version_id" uuid;
--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_regulation_version_fk" FOREIGN KEY ("tenant_id","regulation_version_id") REFERENCES "regulation_versions"("tenant_id","id");
--> statement-breakpoint
ALTER TABLE "resolutions" DROP CONSTRAINT "resolutions_action_check";
--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_action_check" CHECK (
	("action" = 'none' and "plan_id" is null and "budget_line_id" is null and "revokes_resolution_id" is null and "regulation_version_id" is null)
	or ("action" = 'adopt_plan' and "plan_id" is not null and "budget_line_id" is null and "revokes_resolution_id" is null and "regulation_version_id" is null)
	or ("action" = 'approve_budget_line' and "budget_line_id" is not null and "plan_id" is null and "revokes_resolution_id" is null and "regulation_version_id" is null)
	or ("action" = 'adopt_regulation_version' and "regulation_version_id" is not null and "plan_id" is null and "budget_line_id" is null and "revokes_resolution_id" is null)
	or ("action" = 'revoke' and "revokes_resolution_id" is not null and "plan_id" is null and "budget_line_id" is null and "regulation_version_id" is null));
--> statement-breakpoint
CREATE INDEX "resolutions_regulation_version_idx" ON "resolutions" ("tenant_id","regulation_version_id");
