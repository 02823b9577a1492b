import crypto from 'node:crypto';

/**
 * The ledger's hash chain. Each posted transaction's hash is SHA-256 over the previous transaction's
 * hash, a newline, and the canonical JSON of its own content: keys sorted at every level, amounts as
 * strings of integer satang (no float formatting can differ), dates as yyyy-mm-dd, instants as ISO 8601
 * UTC with milliseconds, absent values as null. Any later change to a stored amount, account, fund,
 * date, description or approver changes the hash; deleting or inserting a transaction breaks the links.
 */
export interface ChainContent {
  id: string;
  seq: number;
  kind: string;
  occurredOn: string;
  fiscalYear: number;
  description: string;
  partyId: string | null;
  reversesId: string | null;
  totalSatang: number;
  makerUserId: string | null;
  makerName: string;
  approverUserId: string | null;
  approverName: string | null;
  postedAt: Date;
  entries: { lineNo: number; account: string; fundId: string; budgetLineId: string | null; amountSatang: number }[];
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** JSON with keys sorted at every level and no whitespace. Numbers must be safe integers. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`canonical JSON takes safe integers only, got ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

export function canonicalContent(c: ChainContent): string {
  const entries = [...c.entries].sort((a, b) => a.lineNo - b.lineNo);
  return canonicalJson({
    v: 1,
    id: c.id,
    seq: c.seq,
    kind: c.kind,
    occurredOn: c.occurredOn,
    fiscalYear: c.fiscalYear,
    description: c.description,
    partyId: c.partyId,
    reversesId: c.reversesId,
    totalSatang: String(c.totalSatang),
    makerUserId: c.makerUserId,
    makerName: c.makerName,
    approverUserId: c.approverUserId,
    approverName: c.approverName,
    postedAt: c.postedAt.toISOString(),
    entries: entries.map((e) => ({
      lineNo: e.lineNo,
      account: e.account,
      fundId: e.fundId,
      budgetLineId: e.budgetLineId,
      amountSatang: String(e.amountSatang),
    })),
  });
}

export function chainHash(prevHash: string, c: ChainContent): string {
  return crypto
    .createHash('sha256')
    .update(`${prevHash}\n${canonicalContent(c)}`, 'utf8')
    .digest('hex');
}
