CREATE TABLE "person_profiles" (
	"tenant_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"free_skills" text[] DEFAULT '{}' NOT NULL,
	"availability" text[] DEFAULT '{}' NOT NULL,
	"village" text,
	"public_list_consent" boolean DEFAULT false NOT NULL,
	"public_list_consent_date" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_profiles_tenant_id_party_id_pk" PRIMARY KEY("tenant_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"team_id" uuid,
	"assignee_party_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"needed_skills" text[] DEFAULT '{}' NOT NULL,
	"village" text,
	"when" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tasks_status_check" CHECK ("tasks"."status" in ('open', 'in_progress', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "team_activities" (
	"tenant_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	CONSTRAINT "team_activities_tenant_id_team_id_activity_id_pk" PRIMARY KEY("tenant_id","team_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"tenant_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	CONSTRAINT "team_members_tenant_id_team_id_party_id_pk" PRIMARY KEY("tenant_id","team_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"purpose" text,
	"lead_party_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_hours" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"party_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"task_id" uuid,
	"worked_on" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"minutes" integer NOT NULL,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"return_reason" text,
	"logged_by_user_id" uuid,
	"reviewed_by_user_id" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_hours_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "volunteer_hours_minutes_check" CHECK ("volunteer_hours"."minutes" > 0 and "volunteer_hours"."minutes" <= 1440),
	CONSTRAINT "volunteer_hours_status_check" CHECK ("volunteer_hours"."status" in ('pending', 'confirmed', 'returned')),
	CONSTRAINT "volunteer_hours_reason_check" CHECK ("volunteer_hours"."status" <> 'returned' or "volunteer_hours"."return_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "person_profiles" ADD CONSTRAINT "person_profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_profiles" ADD CONSTRAINT "person_profiles_tenant_id_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_activity_id_plan_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."plan_activities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_assignee_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assignee_party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_activities" ADD CONSTRAINT "team_activities_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_activities" ADD CONSTRAINT "team_activities_tenant_id_activity_id_plan_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."plan_activities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_tenant_id_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_tenant_id_lead_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_tenant_id_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_tenant_id_activity_id_plan_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."plan_activities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_tenant_id_task_id_tasks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."tasks"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_profiles_skills_idx" ON "person_profiles" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "tasks_activity_idx" ON "tasks" USING btree ("tenant_id","activity_id");--> statement-breakpoint
CREATE INDEX "tasks_team_idx" ON "tasks" USING btree ("tenant_id","team_id");--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("tenant_id","assignee_party_id");--> statement-breakpoint
CREATE INDEX "team_activities_activity_idx" ON "team_activities" USING btree ("tenant_id","activity_id");--> statement-breakpoint
CREATE INDEX "team_members_party_idx" ON "team_members" USING btree ("tenant_id","party_id");--> statement-breakpoint
CREATE INDEX "volunteer_hours_party_day_idx" ON "volunteer_hours" USING btree ("tenant_id","party_id","worked_on");--> statement-breakpoint
CREATE INDEX "volunteer_hours_year_status_idx" ON "volunteer_hours" USING btree ("tenant_id","fiscal_year","status");--> statement-breakpoint
CREATE INDEX "volunteer_hours_activity_idx" ON "volunteer_hours" USING btree ("tenant_id","activity_id");--> statement-breakpoint
CREATE INDEX "volunteer_hours_task_idx" ON "volunteer_hours" USING btree ("tenant_id","task_id");