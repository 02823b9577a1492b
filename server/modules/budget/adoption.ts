/**
 * The committee resolution that approved a budget line (issue 13), for the committees module. Written only
 * by the committees module when a resolution approves the line or a later resolution revokes that act;
 * `budgetLineApproval` locks the line row. Leaves the ledger alone: approval is a record of the decision, not
 * a posting. The SQL is in budget.repository.ts.
 */
export {
  lineApprovalForUpdate as budgetLineApproval,
  setLineApproval as setBudgetLineApproval,
  lineApprovedBy as budgetLineApprovedBy,
} from './budget.repository';
