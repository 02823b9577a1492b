-- Hand-written: a neighbour local government that is itself a Phakhi tenant gets the joint projects assigned to it as a
-- copy in its own space, kept in step by an outbox of changes between tenants (issue 13 item 5; docs/decisions/0016).
-- Every table is tenant-owned (RLS in 0043); nothing here is read across tenants.

-- A partner local government that is itself a tenant: set by an admin of the tenant that keeps the partner record.
CREATE TABLE "local_plan_tenant_links" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"party_id" uuid NOT NULL,
	"linked_tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "local_plan_tenant_links_pk" PRIMARY KEY("tenant_id","party_id"),
	CONSTRAINT "local_plan_tenant_links_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "parties"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "local_plan_tenant_links_tenant_uq" UNIQUE ("tenant_id","linked_tenant_id"),
	CONSTRAINT "local_plan_tenant_links_other_check" CHECK ("linked_tenant_id" <> "tenant_id")
);
--> statement-breakpoint
-- Changes to send to another tenant, written in the same transaction as the change itself. item_id is always the
-- owner's local_plan_projects.id; seq orders the events of one item from one sender (each payload is a whole state).
CREATE TABLE "local_plan_outbox" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"event_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"target_tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "local_plan_outbox_pk" PRIMARY KEY("tenant_id","event_id"),
	CONSTRAINT "local_plan_outbox_seq_uq" UNIQUE ("tenant_id","item_id","kind","seq"),
	CONSTRAINT "local_plan_outbox_kind_check" CHECK ("kind" in ('assignment', 'status'))
);
--> statement-breakpoint
CREATE INDEX "local_plan_outbox_pending_idx" ON "local_plan_outbox" ("tenant_id","created_at") WHERE "delivered_at" IS NULL;
--> statement-breakpoint
-- Events received from other tenants, once each (event id); applied = false when a newer one had already arrived.
CREATE TABLE "local_plan_inbox" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"event_id" uuid NOT NULL,
	"source_tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"applied" boolean NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "local_plan_inbox_pk" PRIMARY KEY("tenant_id","event_id"),
	CONSTRAINT "local_plan_inbox_kind_check" CHECK ("kind" in ('assignment', 'status'))
);
--> statement-breakpoint
CREATE INDEX "local_plan_inbox_item_idx" ON "local_plan_inbox" ("tenant_id","source_tenant_id","kind","item_id","seq");
--> statement-breakpoint
-- The receiving tenant's copy of a project another tenant assigned to it: the owner's content as sent (content),
-- and the integration status this local government records itself (travels back through its own outbox).
CREATE TABLE "shared_local_plan_projects" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source_tenant_id" uuid NOT NULL,
	"source_item_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"edition" jsonb,
	"drop_reason" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shared_local_plan_projects_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "shared_local_plan_projects_source_uq" UNIQUE ("tenant_id","source_tenant_id","source_item_id"),
	CONSTRAINT "shared_local_plan_projects_status_check" CHECK ("status" in ('proposed', 'integrated', 'in_budget', 'done', 'dropped')),
	CONSTRAINT "shared_local_plan_projects_edition_check" CHECK ("status" in ('proposed', 'dropped') or "edition" is not null),
	CONSTRAINT "shared_local_plan_projects_drop_check" CHECK (("status" = 'dropped') = ("drop_reason" is not null))
);
