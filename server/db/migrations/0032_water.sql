-- Hand-written: water sources and infrastructure, water-user groups and rotation turns (issue 14, parts B–C). RLS and grants in 0033.
CREATE TABLE "water_sources" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"chainage_m" integer DEFAULT 0 NOT NULL,
	"length_m" integer,
	"zone" text NOT NULL,
	"local_government_party_id" uuid,
	"lat" double precision,
	"lon" double precision,
	"condition" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "water_sources_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "water_sources_parent_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "water_sources"("tenant_id","id"),
	CONSTRAINT "water_sources_lg_fk" FOREIGN KEY ("tenant_id","local_government_party_id") REFERENCES "parties"("tenant_id","id"),
	CONSTRAINT "water_sources_kind_check" CHECK ("kind" in ('weir', 'main_canal', 'side_canal', 'gate', 'reservoir', 'well', 'pump')),
	CONSTRAINT "water_sources_zone_check" CHECK ("zone" in ('upstream', 'midstream', 'downstream')),
	CONSTRAINT "water_sources_condition_check" CHECK ("condition" in ('good', 'fair', 'poor', 'broken')),
	CONSTRAINT "water_sources_numbers_check" CHECK ("chainage_m" >= 0 and ("length_m" is null or "length_m" >= 0)
		and ("lat" is null or "lat" between -90 and 90) and ("lon" is null or "lon" between -180 and 180)),
	CONSTRAINT "water_sources_not_own_parent" CHECK ("parent_id" is null or "parent_id" <> "id")
);
--> statement-breakpoint
CREATE INDEX "water_sources_parent_idx" ON "water_sources" ("tenant_id","parent_id");
--> statement-breakpoint
CREATE TABLE "water_user_groups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"source_id" uuid NOT NULL,
	"zone" text NOT NULL,
	"network_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "water_user_groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "water_user_groups_source_fk" FOREIGN KEY ("tenant_id","source_id") REFERENCES "water_sources"("tenant_id","id"),
	CONSTRAINT "water_user_groups_network_fk" FOREIGN KEY ("tenant_id","network_id") REFERENCES "networks"("tenant_id","id") ON DELETE SET NULL ("network_id"),
	CONSTRAINT "water_user_groups_zone_check" CHECK ("zone" in ('upstream', 'midstream', 'downstream')),
	CONSTRAINT "water_user_groups_name_uq" UNIQUE ("tenant_id","name")
);
--> statement-breakpoint
-- Members (ลูกฝาย) are registry people; one head (แก่ฝาย / หัวหน้ากลุ่ม) per group.
CREATE TABLE "water_group_members" (
	"tenant_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"plot" text,
	"irrigated_rai" numeric(9, 2) NOT NULL,
	CONSTRAINT "water_group_members_pk" PRIMARY KEY("tenant_id","group_id","party_id"),
	CONSTRAINT "water_group_members_group_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "water_user_groups"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "water_group_members_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "parties"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "water_group_members_role_check" CHECK ("role" in ('head', 'officer', 'member')),
	CONSTRAINT "water_group_members_area_check" CHECK ("irrigated_rai" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "water_group_members_one_head" ON "water_group_members" ("tenant_id","group_id") WHERE "role" = 'head';
--> statement-breakpoint
CREATE INDEX "water_group_members_party_idx" ON "water_group_members" ("tenant_id","party_id");
--> statement-breakpoint
CREATE TABLE "water_rotas" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"season" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"turn_hours" integer NOT NULL,
	"rule" text NOT NULL,
	"order_rule" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "water_rotas_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "water_rotas_source_fk" FOREIGN KEY ("tenant_id","source_id") REFERENCES "water_sources"("tenant_id","id"),
	CONSTRAINT "water_rotas_dates_check" CHECK ("ends_on" >= "starts_on" and "ends_on" - "starts_on" < 366),
	CONSTRAINT "water_rotas_turn_hours_check" CHECK ("turn_hours" between 1 and 168),
	CONSTRAINT "water_rotas_rule_check" CHECK ("rule" in ('proportional', 'equal') and "order_rule" in ('downstream_first', 'upstream_first')),
	CONSTRAINT "water_rotas_status_check" CHECK (("status" = 'draft' and "published_at" is null) or ("status" = 'published' and "published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "water_rota_turns" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rota_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "water_rota_turns_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "water_rota_turns_rota_fk" FOREIGN KEY ("tenant_id","rota_id") REFERENCES "water_rotas"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "water_rota_turns_group_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "water_user_groups"("tenant_id","id"),
	CONSTRAINT "water_rota_turns_seq_uq" UNIQUE ("tenant_id","rota_id","seq"),
	CONSTRAINT "water_rota_turns_time_check" CHECK ("ends_at" > "starts_at")
);
--> statement-breakpoint
CREATE INDEX "water_rota_turns_group_idx" ON "water_rota_turns" ("tenant_id","group_id","ends_at");
