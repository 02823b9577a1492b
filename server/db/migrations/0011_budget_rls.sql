-- Hand-written: grants, row-level security and the append-only guards of the ledger (see 0001, 0005).
--> statement-breakpoint
-- The app role may not delete or change ledger rows at all; posted rows are also guarded by triggers,
--> statement-breakpoint
-- which hold for the owner and superusers too (short of disabling triggers, which the hash chain then exposes).
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON budget_settings TO phakhi_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON budget_funds, budget_lines TO phakhi_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON ledger_transactions TO phakhi_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON ledger_entries, ledger_evidence TO phakhi_app;
--> statement-breakpoint
ALTER TABLE budget_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE budget_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON budget_settings USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE budget_funds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE budget_funds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON budget_funds USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE budget_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE budget_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON budget_lines USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE ledger_transactions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ledger_transactions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON ledger_transactions USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE ledger_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ledger_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON ledger_entries USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE ledger_evidence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ledger_evidence FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON ledger_evidence USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- A transaction may change only once: pending → posted (with its place in the chain) or pending → rejected.
-- Its content never changes; posting checks that the entries balance. Nothing is ever deleted.
CREATE FUNCTION ledger_transactions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
     OR (NEW.tenant_id, NEW.id, NEW.kind, NEW.occurred_on, NEW.fiscal_year, NEW.description, NEW.party_id, NEW.reverses_id, NEW.total_satang, NEW.maker_user_id, NEW.maker_name, NEW.created_at)
        IS DISTINCT FROM (OLD.tenant_id, OLD.id, OLD.kind, OLD.occurred_on, OLD.fiscal_year, OLD.description, OLD.party_id, OLD.reverses_id, OLD.total_satang, OLD.maker_user_id, OLD.maker_name, OLD.created_at) THEN
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
CREATE TRIGGER ledger_transactions_guard BEFORE INSERT OR UPDATE OR DELETE ON ledger_transactions FOR EACH ROW EXECUTE FUNCTION ledger_transactions_guard();
--> statement-breakpoint
-- Entries are written once, while their transaction is still pending; never changed or deleted.
CREATE FUNCTION ledger_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'ledger_append_only: ledger entries cannot be changed or deleted';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM ledger_transactions WHERE tenant_id = NEW.tenant_id AND id = NEW.transaction_id AND status = 'pending') THEN
    RAISE EXCEPTION 'ledger_append_only: entries can only be added to a pending transaction';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_guard BEFORE INSERT OR UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_entries_guard();
--> statement-breakpoint
CREATE FUNCTION ledger_no_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_append_only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_evidence_guard BEFORE UPDATE OR DELETE ON ledger_evidence FOR EACH ROW EXECUTE FUNCTION ledger_no_change();
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions FOR EACH STATEMENT EXECUTE FUNCTION ledger_no_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_no_change();
--> statement-breakpoint
CREATE TRIGGER ledger_evidence_no_truncate BEFORE TRUNCATE ON ledger_evidence FOR EACH STATEMENT EXECUTE FUNCTION ledger_no_change();
