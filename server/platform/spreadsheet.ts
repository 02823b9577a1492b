import type ExcelJS from 'exceljs';
// loaded on first use: exceljs alone took 1.5 s of a loaded machine's start-up (issue 12)
const excel = async () => (await import('exceljs')).default;
import Papa from 'papaparse';
import { AppError } from './errors';
import { assertZipWithinLimits, ZipLimitError, type ZipLimits } from './zip';

/** An import of at most MAX_ROWS rows is far below these; exceljs (JSZip) trusts the archive, so it is measured first. */
const IMPORT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  maxRatio: 200,
  ratioGraceBytes: 1024 * 1024,
};

export interface Column<T> {
  key: string;
  header: string;
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

/**
 * A text cell that a spreadsheet would run as a formula (= + - @, tab, CR first: "=HYPERLINK(…)", "+cmd")
 * gets a leading single quote (OWASP CSV injection). Numbers are numbers: a negative amount stays -1500.
 */
export function formulaSafe(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV with a BOM so that Excel shows Thai correctly; text cells are formula-safe. */
export function toCsv<T>(rows: T[], columns: Column<T>[]): string {
  const data = rows.map((r) => columns.map((c) => formulaSafe(c.value(r) ?? '')));
  return '\uFEFF' + Papa.unparse({ fields: columns.map((c) => c.header), data }, { newline: '\r\n' });
}

/** XLSX: values are written as typed cells (text as shared strings), never as formulas. */
export async function toXlsx<T>(rows: T[], columns: Column<T>[], sheetName: string): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'Phakhi';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(r) ?? null])));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const MAX_ROWS = 5000;

/** Read the first sheet of a CSV or XLSX upload into header → text records. */
export async function readTable(buffer: Buffer, filename: string): Promise<{ headers: string[]; rows: Record<string, string>[] }> {
  const isZip = buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(filename)) {
    if (!isZip) throw new AppError('unsupported_file', { file: 'import_file_type' });
    try {
      await assertZipWithinLimits(buffer, IMPORT_ZIP_LIMITS);
    } catch (err) {
      if (err instanceof ZipLimitError && err.isBomb) throw new AppError('payload_too_large', { file: 'archive_too_large' });
      throw new AppError('unsupported_file', { file: 'import_file_type' });
    }
    const wb = new (await excel()).Workbook();
    try {
      await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch {
      throw new AppError('unsupported_file', { file: 'import_file_type' });
    }
    const ws = wb.worksheets[0];
    if (!ws) return { headers: [], rows: [] };
    const headers: string[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value).trim()));
    const rows: Record<string, string>[] = [];
    for (let i = 2; i <= ws.rowCount; i++) {
      const row = ws.getRow(i);
      const rec: Record<string, string> = {};
      let any = false;
      headers.forEach((h, idx) => {
        const v = cellText(row.getCell(idx + 1).value).trim();
        if (v) any = true;
        if (h) rec[h] = v;
      });
      if (any) rows.push(rec);
      if (rows.length > MAX_ROWS) throw new AppError('payload_too_large');
    }
    return { headers: headers.filter(Boolean), rows };
  }
  if (!/\.(csv|txt)$/i.test(filename) || buffer.includes(0)) throw new AppError('unsupported_file', { file: 'import_file_type' });
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  if (parsed.data.length > MAX_ROWS) throw new AppError('payload_too_large');
  return {
    headers: parsed.meta.fields ?? [],
    rows: parsed.data.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v ?? '').trim()]))),
  };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}
