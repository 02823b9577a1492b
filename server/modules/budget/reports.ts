import type ExcelJS from 'exceljs';
// loaded on first use: exceljs alone took 1.5 s of a loaded machine's start-up (issue 12)
const excel = async () => (await import('exceljs')).default;
import {
  ACCOUNT_TH,
  type Checkpoint,
  FUND_KIND_TH,
  TRANSACTION_KIND_TH,
  type FundKind,
  type LedgerAccount,
  type TransactionKind,
} from '../../../common/schemas/budget';
import { bahtText } from '../../../common/thai/bahttext';
import { formatThaiDate } from '../../../common/thai/dates';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { fundLabels, lineLabels } from './budget.repository';
import { listLines } from './budget.service';
import * as ledger from './ledger.repository';
import { transparency } from './transparency';
import { currentSigner, latestCheckpoint } from './checkpoints';
import { partyLabels } from '../partners/partners.repository';

const MONEY = '#,##0.00';
/** Satang → baht for a spreadsheet cell. The cell is a number (Excel sums it); the value is exact to the satang. */
const baht = (satang: number) => satang / 100;

function sheet(wb: ExcelJS.Workbook, name: string, title: string, columns: { header: string; key: string; width: number; money?: boolean }[]) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    if (c.money) ws.getColumn(i + 1).numFmt = MONEY;
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return ws;
}

/** The fiscal year's posted ledger, one row per entry, with debit and credit totals in figures and in Thai words. */
export async function ledgerWorkbook(ctx: TenantContext, fiscalYear: number): Promise<Buffer> {
  const data = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const txs = await ledger.postedOfYear(tx, ctx.tenant.id, fiscalYear);
    const entries = await ledger.entriesOf(
      tx,
      ctx.tenant.id,
      txs.map((t) => t.id),
    );
    const funds = await fundLabels(tx, ctx.tenant.id);
    const lines = await lineLabels(tx, ctx.tenant.id);
    const partyIds = [...new Set(txs.map((t) => t.partyId).filter((x): x is string => !!x))];
    const ps = await partyLabels(tx, ctx.tenant.id, partyIds);
    return { txs, entries, funds, lines, ps, checkpoint: await latestCheckpoint(tx, ctx.tenant.id) };
  });
  const fund = new Map(data.funds.map((f) => [f.id, f]));
  const line = new Map(data.lines.map((l) => [l.id, l.name]));
  const party = new Map(data.ps.map((p) => [p.id, p.name]));
  const seqOf = new Map(data.txs.map((t) => [t.id, t.seq]));
  const wb = new (await excel()).Workbook();
  wb.creator = 'Phakhi';
  const ws = sheet(wb, 'สมุดบัญชี', `สมุดบัญชีแยกประเภท ${ctx.tenant.nameTh} ปีงบประมาณ ${fiscalYear}`, [
    { header: 'ลำดับในสายโซ่', key: 'seq', width: 10 },
    { header: 'วันที่', key: 'date', width: 14 },
    { header: 'ประเภทรายการ', key: 'kind', width: 20 },
    { header: 'รายละเอียด', key: 'desc', width: 48 },
    { header: 'คู่รายการ', key: 'party', width: 28 },
    { header: 'บัญชี', key: 'account', width: 12 },
    { header: 'แหล่งเงิน', key: 'fund', width: 36 },
    { header: 'ประเภทแหล่งเงิน', key: 'fundKind', width: 24 },
    { header: 'รายการงบประมาณ', key: 'line', width: 40 },
    { header: 'เดบิต (บาท)', key: 'debit', width: 16, money: true },
    { header: 'เครดิต (บาท)', key: 'credit', width: 16, money: true },
    { header: 'กลับรายการของลำดับ', key: 'reverses', width: 12 },
    { header: 'แฮช SHA-256', key: 'hash', width: 66 },
  ]);
  let debit = 0;
  let credit = 0;
  for (const t of data.txs) {
    for (const e of data.entries.filter((x) => x.transactionId === t.id)) {
      const amount = Number(e.amountSatang);
      const f = fund.get(e.fundId)!;
      if (amount > 0) debit += amount;
      else credit -= amount;
      ws.addRow([
        t.seq,
        formatThaiDate(t.occurredOn),
        TRANSACTION_KIND_TH[t.kind as TransactionKind],
        t.description,
        t.partyId ? (party.get(t.partyId) ?? '') : '',
        ACCOUNT_TH[e.account as LedgerAccount],
        f.name,
        FUND_KIND_TH[f.kind as FundKind],
        e.budgetLineId ? (line.get(e.budgetLineId) ?? '') : '',
        amount > 0 ? baht(amount) : null,
        amount < 0 ? baht(-amount) : null,
        t.reversesId ? (seqOf.get(t.reversesId) ?? null) : null,
        t.hash,
      ]);
    }
  }
  ws.addRow([]);
  const total = ws.addRow(['', '', '', 'รวม', '', '', '', '', '', baht(debit), baht(credit)]);
  total.font = { bold: true };
  ws.addRow(['', '', '', 'รวมเดบิต (ตัวอักษร)', `(${bahtText(debit)})`]);
  ws.addRow(['', '', '', 'รวมเครดิต (ตัวอักษร)', `(${bahtText(credit)})`]);
  ws.addRow(['', '', '', 'จำนวนรายการ', data.txs.length]);
  checkpointRows(ws, ctx.tenant.id, data.checkpoint, currentSigner()?.publicKeyPem ?? null);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The latest signed checkpoint and the public key, so that whoever keeps the file can check the ledger later. */
function checkpointRows(ws: ExcelJS.Worksheet, tenantId: string, cp: Checkpoint | null | undefined, publicKey: string | null) {
  ws.addRow([]);
  ws.addRow(['จุดตรวจสอบที่ลงนามล่าสุด (Ed25519)']).font = { bold: true };
  if (!cp) {
    ws.addRow(['ยังไม่มี']);
    return;
  }
  ws.addRow(['ลำดับ', cp.seq]);
  ws.addRow(['แฮชล่าสุด', cp.headHash]);
  ws.addRow(['ลงนามเมื่อ', cp.signedAt]);
  ws.addRow(['รหัสองค์กร', tenantId]);
  ws.addRow(['ลายมือชื่อ (base64)', cp.signature]);
  ws.addRow(['กุญแจสาธารณะ', publicKey ?? '']);
}

/** Budget summary of a fiscal year: every budget line, then the sources of funds and the contributors, with totals in Thai words. */
export async function summaryWorkbook(ctx: TenantContext, fiscalYear: number): Promise<Buffer> {
  const lines = (await listLines(ctx, { fiscalYear, page: 1, pageSize: 100_000 })).items;
  const view = await transparency(ctx, { fiscalYear });
  const wb = new (await excel()).Workbook();
  wb.creator = 'Phakhi';
  const ws = sheet(wb, 'สรุปงบประมาณ', `สรุปงบประมาณแผนปฏิบัติการร่วม ${ctx.tenant.nameTh} ปีงบประมาณ ${fiscalYear}`, [
    { header: 'แผน', key: 'plan', width: 40 },
    { header: 'โครงการ', key: 'project', width: 40 },
    { header: 'รายการงบประมาณ', key: 'name', width: 44 },
    { header: 'ตามแผน (บาท)', key: 'planned', width: 16, money: true },
    { header: 'จัดสรร (บาท)', key: 'allocated', width: 16, money: true },
    { header: 'ผูกพัน (บาท)', key: 'committed', width: 16, money: true },
    { header: 'ใช้จ่ายแล้ว (บาท)', key: 'spent', width: 16, money: true },
    { header: 'คงเหลือ (บาท)', key: 'remaining', width: 16, money: true },
  ]);
  const sum = { planned: 0, allocated: 0, committed: 0, spent: 0, remaining: 0 };
  for (const l of lines) {
    ws.addRow([
      l.plan.name,
      l.project?.name ?? '',
      l.name,
      baht(l.plannedSatang),
      baht(l.allocatedSatang),
      baht(l.committedSatang),
      baht(l.spentSatang),
      baht(l.remainingSatang),
    ]);
    sum.planned += l.plannedSatang;
    sum.allocated += l.allocatedSatang;
    sum.committed += l.committedSatang;
    sum.spent += l.spentSatang;
    sum.remaining += l.remainingSatang;
  }
  ws.addRow([]);
  ws.addRow(['รวม', '', '', baht(sum.planned), baht(sum.allocated), baht(sum.committed), baht(sum.spent), baht(sum.remaining)]).font = { bold: true };
  ws.addRow(['งบประมาณที่จัดสรร (ตัวอักษร)', '', `(${bahtText(sum.allocated)})`]);
  ws.addRow(['ใช้จ่ายแล้ว (ตัวอักษร)', '', `(${bahtText(sum.spent)})`]);

  const fs = sheet(wb, 'แหล่งเงินและผู้สนับสนุน', `แหล่งเงินและผู้สนับสนุน ปีงบประมาณ ${fiscalYear}`, [
    { header: 'แหล่งเงิน / ภาคี', key: 'name', width: 48 },
    { header: 'ประเภท', key: 'kind', width: 28 },
    { header: 'เงินสด (บาท)', key: 'cash', width: 16, money: true },
    { header: 'สิ่งของ/แรงงาน (บาท)', key: 'inKind', width: 18, money: true },
    { header: 'รวม (บาท)', key: 'total', width: 16, money: true },
  ]);
  for (const k of view.bySourceKind) fs.addRow([FUND_KIND_TH[k.kind], 'รวมตามประเภทแหล่งเงิน', null, null, baht(k.receivedSatang)]);
  fs.addRow([]);
  let given = 0;
  for (const c of view.contributors) {
    fs.addRow([c.name, c.kind === 'person' ? 'บุคคล' : 'องค์กร', baht(c.cashSatang), baht(c.inKindSatang), baht(c.totalSatang)]);
    given += c.totalSatang;
  }
  fs.addRow(['รวมภาคีสนับสนุน', '', null, null, baht(given)]).font = { bold: true };
  fs.addRow(['รวมภาคีสนับสนุน (ตัวอักษร)', `(${bahtText(given)})`]);
  fs.addRow(['ภาคีสมทบต่องบเทศบาล 1 บาท', view.leverage.perBaht ?? '-']);
  checkpointRows(fs, ctx.tenant.id, view.chain.checkpoint, view.chain.publicKey ?? null);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
