-- Hand-written: a swap of two turns of a published rota between groups, asked by a member of one group and accepted by the other group's head or an officer (issue 14 item 4). RLS in 0037.
CREATE TABLE "water_turn_swaps" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rota_id" uuid NOT NULL,
	"turn_id" uuid NOT NULL,
	"with_turn_id" uuid NOT NULL,
	"requested_by_party_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by_party_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "water_turn_swaps_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "water_turn_swaps_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id"),
	CONSTRAINT "water_turn_swaps_rota_fk" FOREIGN KEY ("tenant_id","rota_id") REFERENCES "water_rotas"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "water_turn_swaps_turn_fk" FOREIGN KEY ("tenant_id","turn_id") REFERENCES "water_rota_turns"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "water_turn_swaps_with_fk" FOREIGN KEY ("tenant_id","with_turn_id") REFERENCES "water_rota_turns"("tenant_id","id") ON DELETE CASCADE,
	CONSTRAINT "water_turn_swaps_status_check" CHECK ("status" in ('pending', 'accepted', 'declined') and ("status" = 'pending') = ("decided_at" is null)),
	CONSTRAINT "water_turn_swaps_distinct" CHECK ("turn_id" <> "with_turn_id")
);
--> statement-breakpoint
CREATE INDEX "water_turn_swaps_rota_idx" ON "water_turn_swaps" ("tenant_id","rota_id");
