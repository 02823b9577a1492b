-- Hand-written: notifications (issue 13 item 8). A person's in-app list, their channel choice with the consent it rests on,
-- and the e-mail outbox the dispatcher sends from. RLS in 0041.
CREATE TABLE "notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text NOT NULL,
	"body_th" text NOT NULL,
	"body_en" text NOT NULL,
	"link" text NOT NULL,
	"entity_id" uuid,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "notifications_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id"),
	CONSTRAINT "notifications_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
	CONSTRAINT "notifications_kind_check" CHECK ("kind" in ('meeting_invitation', 'minutes_to_certify', 'action_item_due', 'approval_waiting')),
	CONSTRAINT "notifications_link_check" CHECK ("link" like '/%')
);
--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" ("tenant_id","user_id","created_at" DESC);
--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" ("tenant_id","user_id") WHERE "read_at" IS NULL;
--> statement-breakpoint
-- one notification per person and event (e.g. an action item and its due date): a check that runs twice adds nothing
CREATE UNIQUE INDEX "notifications_dedupe_idx" ON "notifications" ("tenant_id","user_id","dedupe_key");
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"email_enabled" boolean DEFAULT false NOT NULL,
	"language" text DEFAULT 'th' NOT NULL,
	"email_consented_at" timestamp with time zone,
	"email_consent_method" text,
	"email_consent_text" text,
	"email_withdrawn_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id"),
	CONSTRAINT "notification_preferences_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id"),
	CONSTRAINT "notification_preferences_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
	CONSTRAINT "notification_preferences_language_check" CHECK ("language" in ('th', 'en')),
	-- e-mail only on a recorded consent: when, how and to which wording
	CONSTRAINT "notification_preferences_consent_check" CHECK (
		not "email_enabled" or ("email_consented_at" is not null and "email_consent_method" is not null and "email_consent_text" is not null)
	)
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid NOT NULL,
	"channel" text DEFAULT 'email' NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"body_html" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "notification_outbox_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id"),
	CONSTRAINT "notification_outbox_notification_fk" FOREIGN KEY ("tenant_id","notification_id") REFERENCES "notifications"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "notification_outbox_channel_check" CHECK ("channel" in ('email')),
	CONSTRAINT "notification_outbox_status_check" CHECK ("status" in ('pending', 'sent', 'failed') and ("status" = 'sent') = ("sent_at" is not null)),
	CONSTRAINT "notification_outbox_attempts_check" CHECK ("attempts" >= 0)
);
--> statement-breakpoint
CREATE INDEX "notification_outbox_due_idx" ON "notification_outbox" ("tenant_id","next_attempt_at") WHERE "status" = 'pending';
--> statement-breakpoint
CREATE INDEX "notification_outbox_notification_idx" ON "notification_outbox" ("tenant_id","notification_id");
--> statement-breakpoint
CREATE INDEX "notification_outbox_failed_idx" ON "notification_outbox" ("tenant_id","created_at" DESC) WHERE "status" = 'failed';
