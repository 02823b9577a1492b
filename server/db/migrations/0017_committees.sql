-- Hand-written: committees, their meetings and resolutions (issue 13, parts A–C); RLS and grants in 0018.
CREATE TABLE "committees" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'steering' NOT NULL,
	"purpose" text,
	"order_number" text,
	"order_date" date,
	"quorum_percent" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committees_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "committees_kind_check" CHECK ("kind" in ('steering', 'working_group')),
	CONSTRAINT "committees_quorum_check" CHECK ("quorum_percent" is null or ("quorum_percent" between 1 and 100))
);
--> statement-breakpoint
CREATE TABLE "committee_networks" (
	"tenant_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	CONSTRAINT "committee_networks_pk" PRIMARY KEY("tenant_id","committee_id","network_id"),
	CONSTRAINT "committee_networks_committee_fk" FOREIGN KEY ("tenant_id","committee_id") REFERENCES "committees"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "committee_networks_network_fk" FOREIGN KEY ("tenant_id","network_id") REFERENCES "networks"("tenant_id","id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "committee_networks_network_idx" ON "committee_networks" ("tenant_id","network_id");
--> statement-breakpoint
CREATE TABLE "committee_members" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"position" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"order_number" text,
	"order_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "committee_members_committee_fk" FOREIGN KEY ("tenant_id","committee_id") REFERENCES "committees"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "committee_members_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "parties"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "committee_members_position_check" CHECK ("position" in ('chair', 'vice_chair', 'member', 'member_secretary', 'assistant_secretary')),
	CONSTRAINT "committee_members_dates_check" CHECK ("end_date" is null or "end_date" >= "start_date")
);
--> statement-breakpoint
CREATE INDEX "committee_members_committee_idx" ON "committee_members" ("tenant_id","committee_id");
--> statement-breakpoint
CREATE INDEX "committee_members_party_idx" ON "committee_members" ("tenant_id","party_id");
--> statement-breakpoint
CREATE TABLE "meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text,
	"place" text NOT NULL,
	"note" text,
	"minutes_status" text DEFAULT 'none' NOT NULL,
	"minutes_recorder" text,
	"minutes_checker" text,
	"certified_by_meeting_id" uuid,
	"certification_corrections" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "meetings_committee_fk" FOREIGN KEY ("tenant_id","committee_id") REFERENCES "committees"("tenant_id","id"),
	CONSTRAINT "meetings_certified_by_fk" FOREIGN KEY ("tenant_id","certified_by_meeting_id") REFERENCES "meetings"("tenant_id","id"),
	CONSTRAINT "meetings_time_check" CHECK ("start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ("end_time" is null or ("end_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "end_time" > "start_time"))),
	CONSTRAINT "meetings_minutes_status_check" CHECK ("minutes_status" in ('none', 'draft', 'certified')),
	CONSTRAINT "meetings_certified_check" CHECK (("minutes_status" = 'certified') = ("certified_by_meeting_id" is not null))
);
--> statement-breakpoint
CREATE INDEX "meetings_committee_date_idx" ON "meetings" ("tenant_id","committee_id","meeting_date");
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"section" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"details" text,
	"discussion" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_agenda_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "meeting_agenda_items_meeting_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "meetings"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "meeting_agenda_items_section_check" CHECK ("section" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_meeting_idx" ON "meeting_agenda_items" ("tenant_id","meeting_id");
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	"substitute_name" text,
	"note" text,
	CONSTRAINT "meeting_attendance_pk" PRIMARY KEY("tenant_id","meeting_id","member_id"),
	CONSTRAINT "meeting_attendance_meeting_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "meetings"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "meeting_attendance_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "committee_members"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "meeting_attendance_status_check" CHECK ("status" in ('present', 'absent', 'leave', 'substitute')),
	CONSTRAINT "meeting_attendance_substitute_check" CHECK (("status" = 'substitute') = ("substitute_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"text" text NOT NULL,
	"votes_for" integer NOT NULL,
	"votes_against" integer DEFAULT 0 NOT NULL,
	"votes_abstain" integer DEFAULT 0 NOT NULL,
	"action" text DEFAULT 'none' NOT NULL,
	"plan_id" uuid,
	"budget_line_id" uuid,
	"revokes_resolution_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resolutions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "resolutions_meeting_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "meetings"("tenant_id","id"),
	CONSTRAINT "resolutions_agenda_item_fk" FOREIGN KEY ("tenant_id","agenda_item_id") REFERENCES "meeting_agenda_items"("tenant_id","id") ON DELETE SET NULL ("agenda_item_id"),
	CONSTRAINT "resolutions_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "plans"("tenant_id","id"),
	CONSTRAINT "resolutions_budget_line_fk" FOREIGN KEY ("tenant_id","budget_line_id") REFERENCES "budget_lines"("tenant_id","id"),
	CONSTRAINT "resolutions_revokes_fk" FOREIGN KEY ("tenant_id","revokes_resolution_id") REFERENCES "resolutions"("tenant_id","id"),
	CONSTRAINT "resolutions_revokes_uq" UNIQUE ("tenant_id","revokes_resolution_id"),
	CONSTRAINT "resolutions_votes_check" CHECK ("votes_for" >= 0 and "votes_against" >= 0 and "votes_abstain" >= 0),
	CONSTRAINT "resolutions_action_check" CHECK (
		("action" = 'none' and "plan_id" is null and "budget_line_id" is null and "revokes_resolution_id" is null)
		or ("action" = 'adopt_plan' and "plan_id" is not null and "budget_line_id" is null and "revokes_resolution_id" is null)
		or ("action" = 'approve_budget_line' and "budget_line_id" is not null and "plan_id" is null and "revokes_resolution_id" is null)
		or ("action" = 'revoke' and "revokes_resolution_id" is not null and "plan_id" is null and "budget_line_id" is null))
);
--> statement-breakpoint
CREATE INDEX "resolutions_meeting_idx" ON "resolutions" ("tenant_id","meeting_id");
--> statement-breakpoint
CREATE INDEX "resolutions_plan_idx" ON "resolutions" ("tenant_id","plan_id");
--> statement-breakpoint
CREATE INDEX "resolutions_budget_line_idx" ON "resolutions" ("tenant_id","budget_line_id");
--> statement-breakpoint
CREATE TABLE "resolution_action_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resolution_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_party_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resolution_action_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "resolution_action_items_resolution_fk" FOREIGN KEY ("tenant_id","resolution_id") REFERENCES "resolutions"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "resolution_action_items_owner_fk" FOREIGN KEY ("tenant_id","owner_party_id") REFERENCES "parties"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "resolution_action_items_task_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "tasks"("tenant_id","id") ON DELETE SET NULL ("task_id")
);
--> statement-breakpoint
CREATE INDEX "resolution_action_items_resolution_idx" ON "resolution_action_items" ("tenant_id","resolution_id");
--> statement-breakpoint
CREATE INDEX "resolution_action_items_task_idx" ON "resolution_action_items" ("tenant_id","task_id");
--> statement-breakpoint
-- The adopted object records the resolution that adopted it; only a new resolution (revoke) clears it.
ALTER TABLE "plans" ADD COLUMN "adopted_by_resolution_id" uuid;
--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_adopted_by_resolution_fk" FOREIGN KEY ("tenant_id","adopted_by_resolution_id") REFERENCES "resolutions"("tenant_id","id");
--> statement-breakpoint
ALTER TABLE "budget_lines" ADD COLUMN "approved_by_resolution_id" uuid;
--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_approved_by_resolution_fk" FOREIGN KEY ("tenant_id","approved_by_resolution_id") REFERENCES "resolutions"("tenant_id","id");
