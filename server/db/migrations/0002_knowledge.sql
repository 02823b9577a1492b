CREATE TABLE "knowledge_attachments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid,
	"forum_id" uuid,
	"filename" text NOT NULL,
	"kind" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"caption" text,
	"text_content" text,
	"text_status" text NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_attachments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "knowledge_attachments_owner_check" CHECK (num_nonnulls("knowledge_attachments"."item_id", "knowledge_attachments"."forum_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "knowledge_forum_items" (
	"tenant_id" uuid NOT NULL,
	"forum_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "knowledge_forum_items_tenant_id_forum_id_item_id_pk" PRIMARY KEY("tenant_id","forum_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_forum_participants" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"forum_id" uuid NOT NULL,
	"network_id" uuid,
	"party_id" uuid,
	"role" text DEFAULT 'participant' NOT NULL,
	"head_count" integer DEFAULT 0 NOT NULL,
	"note" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "knowledge_forum_participants_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "knowledge_forum_participants_one_check" CHECK (num_nonnulls("knowledge_forum_participants"."network_id", "knowledge_forum_participants"."party_id") = 1),
	CONSTRAINT "knowledge_forum_participants_head_count_check" CHECK ("knowledge_forum_participants"."head_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "knowledge_forums" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"held_on" date NOT NULL,
	"end_on" date,
	"place" text,
	"host_network_id" uuid,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"other_head_count" integer DEFAULT 0 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_forums_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "knowledge_forums_head_count_check" CHECK ("knowledge_forums"."other_head_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "knowledge_item_networks" (
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "knowledge_item_networks_tenant_id_item_id_network_id_pk" PRIMARY KEY("tenant_id","item_id","network_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_item_parties" (
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "knowledge_item_parties_tenant_id_item_id_party_id_pk" PRIMARY KEY("tenant_id","item_id","party_id"),
	CONSTRAINT "knowledge_item_parties_role_check" CHECK ("knowledge_item_parties"."role" in ('author', 'contributor'))
);
--> statement-breakpoint
CREATE TABLE "knowledge_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"visibility" text NOT NULL,
	"published_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search_title" text DEFAULT '' NOT NULL,
	"search_tags" text DEFAULT '' NOT NULL,
	"search_summary" text DEFAULT '' NOT NULL,
	"search_body" text DEFAULT '' NOT NULL,
	"search_files" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, search_title), 'A') || setweight(to_tsvector('simple'::regconfig, search_tags), 'A') || setweight(to_tsvector('simple'::regconfig, search_summary), 'B') || setweight(to_tsvector('simple'::regconfig, search_body), 'C') || setweight(to_tsvector('simple'::regconfig, search_files), 'D')) STORED NOT NULL,
	"search_head" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, search_title), 'A') || setweight(to_tsvector('simple'::regconfig, search_tags), 'A') || setweight(to_tsvector('simple'::regconfig, search_summary), 'B')) STORED NOT NULL,
	"created_by_user_id" uuid,
	"created_by_name" text,
	"updated_by_user_id" uuid,
	"updated_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "knowledge_items_type_check" CHECK ("knowledge_items"."type" in ('lesson', 'good_practice', 'local_wisdom', 'manual', 'case_study', 'research')),
	CONSTRAINT "knowledge_items_visibility_check" CHECK ("knowledge_items"."visibility" in ('network', 'tenant', 'public'))
);
--> statement-breakpoint
CREATE TABLE "knowledge_versions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"visibility" text NOT NULL,
	"published_on" date NOT NULL,
	"network_ids" uuid[] DEFAULT '{}' NOT NULL,
	"parties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changed" text[] DEFAULT '{}' NOT NULL,
	"note" text,
	"restored_from" integer,
	"edited_by_user_id" uuid,
	"edited_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_views" (
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"viewed_on" date NOT NULL,
	"viewer_party_id" uuid,
	"count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "knowledge_views_tenant_id_item_id_user_id_viewed_on_pk" PRIMARY KEY("tenant_id","item_id","user_id","viewed_on")
);
--> statement-breakpoint
ALTER TABLE "knowledge_attachments" ADD CONSTRAINT "knowledge_attachments_tenant_id_item_id_knowledge_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."knowledge_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_attachments" ADD CONSTRAINT "knowledge_attachments_tenant_id_forum_id_knowledge_forums_tenant_id_id_fk" FOREIGN KEY ("tenant_id","forum_id") REFERENCES "public"."knowledge_forums"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_forum_items" ADD CONSTRAINT "knowledge_forum_items_tenant_id_forum_id_knowledge_forums_tenant_id_id_fk" FOREIGN KEY ("tenant_id","forum_id") REFERENCES "public"."knowledge_forums"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_forum_items" ADD CONSTRAINT "knowledge_forum_items_tenant_id_item_id_knowledge_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."knowledge_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_forum_participants" ADD CONSTRAINT "knowledge_forum_participants_tenant_id_forum_id_knowledge_forums_tenant_id_id_fk" FOREIGN KEY ("tenant_id","forum_id") REFERENCES "public"."knowledge_forums"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_forum_participants" ADD CONSTRAINT "knowledge_forum_participants_tenant_id_network_id_networks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","network_id") REFERENCES "public"."networks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_forum_participants" ADD CONSTRAINT "knowledge_forum_participants_tenant_id_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_forums" ADD CONSTRAINT "knowledge_forums_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_item_networks" ADD CONSTRAINT "knowledge_item_networks_tenant_id_item_id_knowledge_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."knowledge_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_item_networks" ADD CONSTRAINT "knowledge_item_networks_tenant_id_network_id_networks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","network_id") REFERENCES "public"."networks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_item_parties" ADD CONSTRAINT "knowledge_item_parties_tenant_id_item_id_knowledge_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."knowledge_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_item_parties" ADD CONSTRAINT "knowledge_item_parties_tenant_id_party_id_parties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "public"."parties"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_items" ADD CONSTRAINT "knowledge_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_versions" ADD CONSTRAINT "knowledge_versions_tenant_id_item_id_knowledge_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."knowledge_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_views" ADD CONSTRAINT "knowledge_views_tenant_id_item_id_knowledge_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."knowledge_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_attachments_item_idx" ON "knowledge_attachments" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE INDEX "knowledge_attachments_forum_idx" ON "knowledge_attachments" USING btree ("tenant_id","forum_id");--> statement-breakpoint
CREATE INDEX "knowledge_attachments_sha_idx" ON "knowledge_attachments" USING btree ("tenant_id","sha256");--> statement-breakpoint
CREATE INDEX "knowledge_forum_items_item_idx" ON "knowledge_forum_items" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE INDEX "knowledge_forum_participants_forum_idx" ON "knowledge_forum_participants" USING btree ("tenant_id","forum_id");--> statement-breakpoint
CREATE INDEX "knowledge_forum_participants_network_idx" ON "knowledge_forum_participants" USING btree ("tenant_id","network_id");--> statement-breakpoint
CREATE INDEX "knowledge_forums_tenant_held_idx" ON "knowledge_forums" USING btree ("tenant_id","held_on");--> statement-breakpoint
CREATE INDEX "knowledge_forums_host_idx" ON "knowledge_forums" USING btree ("tenant_id","host_network_id");--> statement-breakpoint
CREATE INDEX "knowledge_item_networks_network_idx" ON "knowledge_item_networks" USING btree ("tenant_id","network_id");--> statement-breakpoint
CREATE INDEX "knowledge_item_parties_party_idx" ON "knowledge_item_parties" USING btree ("tenant_id","party_id");--> statement-breakpoint
CREATE INDEX "knowledge_items_tenant_published_idx" ON "knowledge_items" USING btree ("tenant_id","published_on");--> statement-breakpoint
CREATE INDEX "knowledge_items_tenant_updated_idx" ON "knowledge_items" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_versions_item_version_idx" ON "knowledge_versions" USING btree ("tenant_id","item_id","version");--> statement-breakpoint
CREATE INDEX "knowledge_views_tenant_day_idx" ON "knowledge_views" USING btree ("tenant_id","viewed_on");