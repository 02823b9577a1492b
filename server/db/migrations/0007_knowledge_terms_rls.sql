-- Hand-written: the spelling dictionary of knowledge search (see knowledge_terms in server/db/schema/knowledge.ts).
GRANT SELECT, INSERT ON knowledge_terms TO phakhi_app;
--> statement-breakpoint
ALTER TABLE knowledge_terms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_terms FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON knowledge_terms USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE INDEX knowledge_terms_trgm_idx ON knowledge_terms USING gin (term gin_trgm_ops);
--> statement-breakpoint
-- As in 0003: under row-level security the trigram index serves `term % query` only when the operator's
-- function is LEAKPROOF, which only a superuser may declare.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION similarity_op(text, text) LEAKPROOF;
  ELSE
    RAISE NOTICE 'not a superuser: the spelling-dictionary index cannot be used under row-level security';
  END IF;
END
$$;
