CREATE TABLE "strategies" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"description" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "strategy_frames" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid,
	"vision" text,
	"missions" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_frames_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "strategy_frames_scope_uq" UNIQUE NULLS NOT DISTINCT("tenant_id","network_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_goal_networks" (
	"tenant_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	CONSTRAINT "strategy_goal_networks_tenant_id_goal_id_network_id_pk" PRIMARY KEY("tenant_id","goal_id","network_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_goal_parties" (
	"tenant_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	CONSTRAINT "strategy_goal_parties_tenant_id_goal_id_party_id_pk" PRIMARY KEY("tenant_id","goal_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_goals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"description" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_goals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "strategy_indicator_targets" (
	"tenant_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"target" double precision NOT NULL,
	CONSTRAINT "strategy_indicator_targets_tenant_id_indicator_id_fiscal_year_pk" PRIMARY KEY("tenant_id","indicator_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "strategy_indicators" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"strategy_id" uuid,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"baseline" double precision,
	"baseline_year" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_indicators_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "strategy_indicators_direction_check" CHECK ("strategy_indicators"."direction" in ('higher', 'lower'))
);
--> statement-breakpoint
CREATE TABLE "strategy_measurements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"measured_on" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"source" text,
	"evidence_note" text,
	"evidence_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_measurements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"objectives" text,
	"output_target" text,
	"indicator_text" text,
	"budget_satang" bigint DEFAULT 0 NOT NULL,
	"weight" integer,
	"lead_party_id" uuid,
	"supporting_party_ids" uuid[] DEFAULT '{}' NOT NULL,
	"start_date" date,
	"end_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"predecessor_activity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plan_activities_predecessor_uq" UNIQUE("tenant_id","plan_id","predecessor_activity_id"),
	CONSTRAINT "plan_activities_status_check" CHECK ("plan_activities"."status" in ('planned', 'in_progress', 'done', 'delayed', 'cancelled')),
	CONSTRAINT "plan_activities_budget_check" CHECK ("plan_activities"."budget_satang" >= 0),
	CONSTRAINT "plan_activities_weight_check" CHECK ("plan_activities"."weight" is null or "plan_activities"."weight" >= 0),
	CONSTRAINT "plan_activities_progress_check" CHECK ("plan_activities"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "plan_networks" (
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	CONSTRAINT "plan_networks_tenant_id_plan_id_network_id_pk" PRIMARY KEY("tenant_id","plan_id","network_id")
);
--> statement-breakpoint
CREATE TABLE "plan_progress_reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"text" text NOT NULL,
	"percentage" integer NOT NULL,
	"photo_urls" text[] DEFAULT '{}' NOT NULL,
	"reported_by_user_id" uuid,
	"reported_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_progress_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plan_progress_reports_percentage_check" CHECK ("plan_progress_reports"."percentage" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "plan_project_indicators" (
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "plan_project_indicators_tenant_id_project_id_indicator_id_pk" PRIMARY KEY("tenant_id","project_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "plan_projects" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"objectives" text,
	"output_target" text,
	"indicator_text" text,
	"strategy_id" uuid,
	"lead_party_id" uuid,
	"supporting_party_ids" uuid[] DEFAULT '{}' NOT NULL,
	"start_date" date,
	"end_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"weight_by" text DEFAULT 'budget' NOT NULL,
	"weight" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"predecessor_project_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_projects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plan_projects_predecessor_uq" UNIQUE("tenant_id","plan_id","predecessor_project_id"),
	CONSTRAINT "plan_projects_status_check" CHECK ("plan_projects"."status" in ('planned', 'in_progress', 'done', 'delayed', 'cancelled')),
	CONSTRAINT "plan_projects_weight_by_check" CHECK ("plan_projects"."weight_by" in ('budget', 'weight')),
	CONSTRAINT "plan_projects_weight_check" CHECK ("plan_projects"."weight" is null or "plan_projects"."weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"description" text,
	"weight_by" text DEFAULT 'budget' NOT NULL,
	"predecessor_plan_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plans_predecessor_uq" UNIQUE("tenant_id","predecessor_plan_id"),
	CONSTRAINT "plans_weight_by_check" CHECK ("plans"."weight_by" in ('budget', 'weight')),
	CONSTRAINT "plans_dates_check" CHECK ("plans"."end_date" >= "plans"."start_date")
);
--> statement-breakpoint
CREATE TABLE "participation_records" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"occurred_on" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"level" text NOT NULL,
	"subject_kind" text NOT NULL,
	"title" text NOT NULL,
	"network_id" uuid,
	"plan_id" uuid,
	"activity_id" uuid,
	"party_id" uuid,
	"group_name" text,
	"head_count" integer DEFAULT 1 NOT NULL,
	"pillar" text,
	"sector" text,
	"contribution" text NOT NULL,
	"amount_satang" bigint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participation_records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "participation_level_check" CHECK ("participation_records"."level" in ('issue', 'plan', 'operation')),
	CONSTRAINT "participation_head_count_check" CHECK ("participation_records"."head_count" >= 1),
	CONSTRAINT "participation_amount_check" CHECK ("participation_records"."amount_satang" is null or "participation_records"."amount_satang" >= 0),
	CONSTRAINT "participation_who_check" CHECK ("participation_records"."party_id" is not null or "participation_records"."group_name" is not null)
);
--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_tenant_id_goal_id_strategy_goals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."strategy_goals"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_frames" ADD CONSTRAINT "strategy_frames_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_frames" ADD CONSTRAINT "strategy_frames_tenant_id_network_id_networks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","network_id") REFERENCES "public"."networks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_goal_networks" ADD CONSTRAINT "strategy_goal_networks_tenant_id_goal_id_strategy_goals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."strategy_goals"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_goal_networks" ADD CONSTRAINT "strategy_goal_networks_tenant_id_network_id_networks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","network_id") REFERENCES "public"."networks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_goal_parties" ADD CONSTRAINT "strategy_goal_parties_tenant_id_goal_id_strategy_goals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."strategy_goals"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_goal_parties" ADD CONSTRAINT "strategy_goal_parties_tenant_id_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_goals" ADD CONSTRAINT "strategy_goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_indicator_targets" ADD CONSTRAINT "strategy_indicator_targets_tenant_id_indicator_id_strategy_indicators_tenant_id_id_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."strategy_indicators"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_indicators" ADD CONSTRAINT "strategy_indicators_tenant_id_goal_id_strategy_goals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."strategy_goals"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_indicators" ADD CONSTRAINT "strategy_indicators_tenant_id_strategy_id_strategies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","strategy_id") REFERENCES "public"."strategies"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_measurements" ADD CONSTRAINT "strategy_measurements_tenant_id_indicator_id_strategy_indicators_tenant_id_id_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."strategy_indicators"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_tenant_id_project_id_plan_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."plan_projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_tenant_id_lead_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_tenant_id_predecessor_activity_id_plan_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","predecessor_activity_id") REFERENCES "public"."plan_activities"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_networks" ADD CONSTRAINT "plan_networks_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_networks" ADD CONSTRAINT "plan_networks_tenant_id_network_id_networks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","network_id") REFERENCES "public"."networks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_reports" ADD CONSTRAINT "plan_progress_reports_tenant_id_activity_id_plan_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."plan_activities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_indicators" ADD CONSTRAINT "plan_project_indicators_tenant_id_project_id_plan_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."plan_projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_indicators" ADD CONSTRAINT "plan_project_indicators_tenant_id_indicator_id_strategy_indicators_tenant_id_id_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."strategy_indicators"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_projects" ADD CONSTRAINT "plan_projects_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_projects" ADD CONSTRAINT "plan_projects_tenant_id_strategy_id_strategies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","strategy_id") REFERENCES "public"."strategies"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_projects" ADD CONSTRAINT "plan_projects_tenant_id_lead_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_projects" ADD CONSTRAINT "plan_projects_tenant_id_predecessor_project_id_plan_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","predecessor_project_id") REFERENCES "public"."plan_projects"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_predecessor_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","predecessor_plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_records" ADD CONSTRAINT "participation_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_records" ADD CONSTRAINT "participation_records_tenant_id_network_id_networks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","network_id") REFERENCES "public"."networks"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_records" ADD CONSTRAINT "participation_records_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_records" ADD CONSTRAINT "participation_records_tenant_id_activity_id_plan_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."plan_activities"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_records" ADD CONSTRAINT "participation_records_tenant_id_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "strategies_goal_idx" ON "strategies" USING btree ("tenant_id","goal_id");--> statement-breakpoint
CREATE INDEX "strategy_goal_networks_network_idx" ON "strategy_goal_networks" USING btree ("tenant_id","network_id");--> statement-breakpoint
CREATE INDEX "strategy_indicators_goal_idx" ON "strategy_indicators" USING btree ("tenant_id","goal_id");--> statement-breakpoint
CREATE INDEX "strategy_measurements_indicator_idx" ON "strategy_measurements" USING btree ("tenant_id","indicator_id","measured_on");--> statement-breakpoint
CREATE INDEX "plan_activities_project_idx" ON "plan_activities" USING btree ("tenant_id","project_id");--> statement-breakpoint
CREATE INDEX "plan_activities_plan_idx" ON "plan_activities" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_networks_network_idx" ON "plan_networks" USING btree ("tenant_id","network_id");--> statement-breakpoint
CREATE INDEX "plan_progress_reports_activity_idx" ON "plan_progress_reports" USING btree ("tenant_id","activity_id","reported_on");--> statement-breakpoint
CREATE INDEX "plan_projects_plan_idx" ON "plan_projects" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_projects_strategy_idx" ON "plan_projects" USING btree ("tenant_id","strategy_id");--> statement-breakpoint
CREATE INDEX "plans_tenant_year_idx" ON "plans" USING btree ("tenant_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "participation_year_level_idx" ON "participation_records" USING btree ("tenant_id","fiscal_year","level");--> statement-breakpoint
CREATE INDEX "participation_network_idx" ON "participation_records" USING btree ("tenant_id","network_id");--> statement-breakpoint
CREATE INDEX "participation_party_idx" ON "participation_records" USING btree ("tenant_id","party_id");--> statement-breakpoint
CREATE INDEX "participation_activity_idx" ON "participation_records" USING btree ("tenant_id","activity_id");