-- Hand-written: comment periods on a draft regulation version and the comments of members and citizens on its clauses
-- (issue 14 item 1). A comment names its clause by number (the number stays when a draft's content is replaced);
-- a citizen's name is optional and never shown publicly. Grants and RLS at the end, as in 0023.
CREATE TABLE "regulation_comment_periods" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text,
	"opened_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulation_comment_periods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "regulation_comment_periods_version_fk" FOREIGN KEY ("tenant_id","version_id") REFERENCES "regulation_versions"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "regulation_comment_periods_dates_check" CHECK ("ends_on" >= "starts_on" and "ends_on" - "starts_on" <= 366)
);
--> statement-breakpoint
CREATE INDEX "regulation_comment_periods_version_idx" ON "regulation_comment_periods" ("tenant_id","version_id");
--> statement-breakpoint
CREATE TABLE "regulation_comments" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"clause_number" text NOT NULL,
	"body" text NOT NULL,
	"channel" text NOT NULL,
	"author_user_id" uuid,
	"author_name" text,
	"reply" text,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulation_comments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "regulation_comments_period_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "regulation_comment_periods"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "regulation_comments_channel_check" CHECK ("channel" in ('member', 'public') and ("channel" = 'public' or "author_user_id" is not null)),
	CONSTRAINT "regulation_comments_answer_check" CHECK (("reply" is null) = ("answered_at" is null))
);
--> statement-breakpoint
CREATE INDEX "regulation_comments_period_idx" ON "regulation_comments" ("tenant_id","period_id","clause_number");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON regulation_comment_periods, regulation_comments TO phakhi_app;
--> statement-breakpoint
ALTER TABLE regulation_comment_periods ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE regulation_comment_periods FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON regulation_comment_periods USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE regulation_comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE regulation_comments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON regulation_comments USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
