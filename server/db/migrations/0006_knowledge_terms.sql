CREATE TABLE "knowledge_terms" (
	"tenant_id" uuid NOT NULL,
	"term" text NOT NULL,
	CONSTRAINT "knowledge_terms_tenant_id_term_pk" PRIMARY KEY("tenant_id","term")
);
--> statement-breakpoint
ALTER TABLE "knowledge_terms" ADD CONSTRAINT "knowledge_terms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;