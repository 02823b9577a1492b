-- Hand-written: good-governance rules of the ledger (docs/decisions/0004-ledger-governance.md).
-- Settings: the evidence threshold, and a loosening change of a threshold waits here for a second officer.
ALTER TABLE budget_settings ADD COLUMN evidence_threshold_satang bigint DEFAULT 500000 NOT NULL;
--> statement-breakpoint
ALTER TABLE budget_settings ADD COLUMN proposed_approval_threshold_satang bigint;
--> statement-breakpoint
ALTER TABLE budget_settings ADD COLUMN proposed_evidence_threshold_satang bigint;
--> statement-breakpoint
ALTER TABLE budget_settings ADD COLUMN proposed_by_user_id uuid;
--> statement-breakpoint
ALTER TABLE budget_settings ADD COLUMN proposed_by_name text;
--> statement-breakpoint
ALTER TABLE budget_settings ADD COLUMN proposed_at timestamp with time zone;
--> statement-breakpoint
-- Transactions remember the approval threshold in force when they were made, why they wait for a
-- second person, and the maker's reason for an overdraft or a spend beyond the allocation.
ALTER TABLE ledger_transactions ADD COLUMN approval_threshold_satang bigint;
--> statement-breakpoint
ALTER TABLE ledger_transactions ADD COLUMN review_reasons text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE ledger_transactions ADD COLUMN exception_reason text;
--> statement-breakpoint
-- The guard of 0011 with the new columns among those that never change after insert.
CREATE OR REPLACE FUNCTION ledger_transactions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entry_sum bigint;
  entry_debits bigint;
  entry_count int;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ledger_append_only: transaction % cannot be deleted', OLD.id;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'pending' THEN
      RAISE EXCEPTION 'ledger_append_only: a transaction starts pending and is posted after its entries';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status <> 'pending' OR NEW.status NOT IN ('posted', 'rejected')
     OR (NEW.tenant_id, NEW.id, NEW.kind, NEW.occurred_on, NEW.fiscal_year, NEW.description, NEW.party_id, NEW.reverses_id, NEW.total_satang, NEW.maker_user_id, NEW.maker_name, NEW.created_at,
         NEW.approval_threshold_satang, NEW.review_reasons, NEW.exception_reason)
        IS DISTINCT FROM (OLD.tenant_id, OLD.id, OLD.kind, OLD.occurred_on, OLD.fiscal_year, OLD.description, OLD.party_id, OLD.reverses_id, OLD.total_satang, OLD.maker_user_id, OLD.maker_name, OLD.created_at,
         OLD.approval_threshold_satang, OLD.review_reasons, OLD.exception_reason) THEN
    RAISE EXCEPTION 'ledger_append_only: transaction % (%) cannot be changed', OLD.id, OLD.status;
  END IF;
  IF NEW.status = 'posted' THEN
    SELECT coalesce(sum(amount_satang), 0), coalesce(sum(amount_satang) FILTER (WHERE amount_satang > 0), 0), count(*)
      INTO entry_sum, entry_debits, entry_count
      FROM ledger_entries WHERE tenant_id = NEW.tenant_id AND transaction_id = NEW.id;
    IF entry_count < 2 OR entry_sum <> 0 OR entry_debits <> NEW.total_satang THEN
      RAISE EXCEPTION 'ledger_unbalanced: transaction % entries do not balance', NEW.id;
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- One fund and one plan of a name per fiscal year. Duplicates made before this rule keep their rows
-- (entries may name them) and get a number after the name, so that the index can be built.
UPDATE budget_funds f SET name = f.name || ' (' || d.n || ')'
  FROM (SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id, fiscal_year, lower(name) ORDER BY created_at, id) AS n FROM budget_funds) d
  WHERE f.tenant_id = d.tenant_id AND f.id = d.id AND d.n > 1;
--> statement-breakpoint
CREATE UNIQUE INDEX budget_funds_name_year_uq ON budget_funds USING btree (tenant_id, fiscal_year, lower(name));
--> statement-breakpoint
UPDATE plans p SET name = p.name || ' (' || d.n || ')'
  FROM (SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id, fiscal_year, lower(name) ORDER BY created_at, id) AS n FROM plans) d
  WHERE p.tenant_id = d.tenant_id AND p.id = d.id AND d.n > 1;
--> statement-breakpoint
CREATE UNIQUE INDEX plans_name_year_uq ON plans USING btree (tenant_id, fiscal_year, lower(name));
