-- Hand-written: local development plans (แผนพัฒนาท้องถิ่น) and the integration of joint projects (issue 13, part D); RLS and grants in 0022.
-- party_id null = the tenant itself; otherwise a partner organisation that is a local government.
CREATE TABLE "local_plans" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"party_id" uuid,
	"start_year" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "local_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "local_plans_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "parties"("tenant_id","id"),
	CONSTRAINT "local_plans_party_year_uq" UNIQUE NULLS NOT DISTINCT ("tenant_id","party_id","start_year"),
	CONSTRAINT "local_plans_start_year_check" CHECK ("start_year" between 2500 and 2700)
);
--> statement-breakpoint
CREATE TABLE "local_plan_strategies" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"local_plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"province_strategy" text,
	CONSTRAINT "local_plan_strategies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "local_plan_strategies_plan_fk" FOREIGN KEY ("tenant_id","local_plan_id") REFERENCES "local_plans"("tenant_id","id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "local_plan_strategies_plan_idx" ON "local_plan_strategies" ("tenant_id","local_plan_id");
--> statement-breakpoint
CREATE TABLE "local_plan_programmes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "local_plan_programmes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "local_plan_programmes_strategy_fk" FOREIGN KEY ("tenant_id","strategy_id") REFERENCES "local_plan_strategies"("tenant_id","id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "local_plan_programmes_strategy_idx" ON "local_plan_programmes" ("tenant_id","strategy_id");
--> statement-breakpoint
CREATE TABLE "local_plan_editions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"local_plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" integer NOT NULL,
	"approved_on" date NOT NULL,
	"approving_act" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "local_plan_editions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "local_plan_editions_plan_fk" FOREIGN KEY ("tenant_id","local_plan_id") REFERENCES "local_plans"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "local_plan_editions_number_uq" UNIQUE ("tenant_id","local_plan_id","kind","number"),
	CONSTRAINT "local_plan_editions_kind_check" CHECK (("kind" = 'original' and "number" = 0) or ("kind" in ('addition', 'change') and "number" >= 1))
);
--> statement-breakpoint
-- A joint project carried by one local government's plan: its share per plan year, where it sits and how far it got.
CREATE TABLE "local_plan_projects" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"local_plan_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"objective" text,
	"target" text,
	"kpi" text,
	"expected_result" text,
	"responsible_unit" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"edition_id" uuid,
	"drop_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "local_plan_projects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "local_plan_projects_plan_fk" FOREIGN KEY ("tenant_id","local_plan_id") REFERENCES "local_plans"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "local_plan_projects_project_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "plan_projects"("tenant_id","id"),
	CONSTRAINT "local_plan_projects_programme_fk" FOREIGN KEY ("tenant_id","programme_id") REFERENCES "local_plan_programmes"("tenant_id","id"),
	CONSTRAINT "local_plan_projects_edition_fk" FOREIGN KEY ("tenant_id","edition_id") REFERENCES "local_plan_editions"("tenant_id","id"),
	CONSTRAINT "local_plan_projects_uq" UNIQUE ("tenant_id","local_plan_id","project_id"),
	CONSTRAINT "local_plan_projects_status_check" CHECK ("status" in ('proposed', 'integrated', 'in_budget', 'done', 'dropped')),
	CONSTRAINT "local_plan_projects_edition_check" CHECK ("status" in ('proposed', 'dropped') or "edition_id" is not null),
	CONSTRAINT "local_plan_projects_drop_check" CHECK (("status" = 'dropped') = ("drop_reason" is not null))
);
--> statement-breakpoint
CREATE INDEX "local_plan_projects_project_idx" ON "local_plan_projects" ("tenant_id","project_id");
--> statement-breakpoint
CREATE INDEX "local_plan_projects_programme_idx" ON "local_plan_projects" ("tenant_id","programme_id");
--> statement-breakpoint
CREATE TABLE "local_plan_project_years" (
	"tenant_id" uuid NOT NULL,
	"local_plan_project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"budget_satang" bigint NOT NULL,
	CONSTRAINT "local_plan_project_years_pk" PRIMARY KEY("tenant_id","local_plan_project_id","year"),
	CONSTRAINT "local_plan_project_years_item_fk" FOREIGN KEY ("tenant_id","local_plan_project_id") REFERENCES "local_plan_projects"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "local_plan_project_years_budget_check" CHECK ("budget_satang" >= 0)
);
