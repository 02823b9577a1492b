import type ExcelJS from 'exceljs';
// loaded on first use: exceljs alone took 1.5 s of a loaded machine's start-up (issue 12)
const excel = async () => (await import('exceljs')).default;
import type { Edition, IntegratedProject, LocalPlanDetail } from '../../../common/schemas/localplans';
import { PLAN_YEARS } from '../../../common/schemas/localplans';
import { satangToDecimalString } from '../../../common/thai/money';

/** The font of Thai government forms (ผ.01/ผ.02); LibreOffice and Excel fall back to another Thai font if it is missing. */
export const FORM_FONT = 'TH Sarabun New';
const MONEY = '#,##0.00';

export const editionLabel = (e: Edition | null) =>
  !e ? '' : e.kind === 'original' ? '' : e.kind === 'addition' ? `เพิ่มเติม ครั้งที่ ${e.number}` : `เปลี่ยนแปลง ครั้งที่ ${e.number}`;
/** 'แผนงาน' + name, unless the name already starts with it. */
const prefixed = (prefix: string, name: string) => (name.startsWith(prefix) ? name : `${prefix}${name}`);
const baht = (satang: number) => Number(satangToDecimalString(satang));
const years = (plan: LocalPlanDetail) => Array.from({ length: PLAN_YEARS }, (_, i) => plan.startYear + i);
const shareIn = (p: IntegratedProject, year: number) => p.shares.find((s) => s.year === year)?.budgetSatang ?? 0;

interface Group {
  strategy: LocalPlanDetail['strategies'][number];
  programmes: { programme: LocalPlanDetail['strategies'][number]['programmes'][number]; rows: IntegratedProject[] }[];
}

/** Strategy → programme → rows, in the plan's order. */
function groups(plan: LocalPlanDetail, rows: IntegratedProject[]): Group[] {
  return plan.strategies.map((strategy) => ({
    strategy,
    programmes: strategy.programmes.map((programme) => ({ programme, rows: rows.filter((r) => r.programmeId === programme.id) })),
  }));
}

function sheet(wb: ExcelJS.Workbook, name: string, title: string, plan: LocalPlanDetail, edition: Edition | null, columns: number) {
  const ws = wb.addWorksheet(name, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const heads = [title, [plan.name, editionLabel(edition)].filter(Boolean).join(' '), plan.localGovernment.name];
  heads.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text;
    ws.mergeCells(i + 1, 1, i + 1, columns);
    row.getCell(1).alignment = { horizontal: 'center' };
    row.getCell(1).font = { name: FORM_FONT, size: 16, bold: true };
  });
  return ws;
}

/** Thai font on every cell; borders on the table part (from `from` down). */
function finish(ws: ExcelJS.Worksheet, from: number, columns: number) {
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      cell.font = { name: FORM_FONT, size: n < from ? 16 : 14, bold: cell.font?.bold ?? false };
      if (n >= from) cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    }
  });
}

const bold = (row: ExcelJS.Row, columns: number) => {
  for (let c = 1; c <= columns; c++) row.getCell(c).font = { bold: true };
};

export const P02_HEADERS = (plan: LocalPlanDetail) => [
  'ที่',
  'โครงการ',
  'วัตถุประสงค์',
  'เป้าหมาย (ผลผลิตของโครงการ)',
  ...years(plan).map((y) => `${y} (บาท)`),
  'ตัวชี้วัด (KPI)',
  'ผลที่คาดว่าจะได้รับ',
  'หน่วยงานรับผิดชอบหลัก',
  'ที่มา (แผนปฏิบัติการร่วม)',
];

/** ผ.02 รายละเอียดโครงการพัฒนา: header lines, then per strategy and programme the projects with totals. */
export async function p02Xlsx(plan: LocalPlanDetail, edition: Edition | null, rows: IntegratedProject[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'Phakhi';
  const headers = P02_HEADERS(plan);
  const n = headers.length;
  const yearCols = years(plan).map((_, i) => 5 + i);
  const ws = sheet(wb, 'ผ.02', 'รายละเอียดโครงการพัฒนา', plan, edition, n);
  ws.columns = [6, 40, 36, 30, 14, 14, 14, 14, 14, 30, 30, 20, 40].map((width) => ({ width }));
  // two header rows: งบประมาณ spans the five year columns
  const h1 = ws.getRow(5);
  const h2 = ws.getRow(6);
  headers.forEach((h, i) => {
    if (yearCols.includes(i + 1)) h2.getCell(i + 1).value = h;
    else {
      h1.getCell(i + 1).value = h;
      ws.mergeCells(5, i + 1, 6, i + 1);
    }
  });
  h1.getCell(yearCols[0]).value = 'งบประมาณ';
  ws.mergeCells(5, yearCols[0], 5, yearCols[yearCols.length - 1]);
  for (const r of [h1, h2]) {
    bold(r, n);
    r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  ws.views = [{ state: 'frozen', ySplit: 6 }];

  const totalRow = (label: string, list: IntegratedProject[]) => {
    const row = ws.addRow([label, `${list.length} โครงการ`, null, null, ...years(plan).map((y) => baht(list.reduce((s, p) => s + shareIn(p, y), 0)))]);
    bold(row, n);
    yearCols.forEach((c) => (row.getCell(c).numFmt = MONEY));
  };
  const line = (text: string) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, n);
    bold(row, n);
  };

  const all: IntegratedProject[] = [];
  for (const g of groups(plan, rows)) {
    const inStrategy = g.programmes.flatMap((p) => p.rows);
    if (!inStrategy.length) continue;
    line(`ก. ยุทธศาสตร์จังหวัด ${g.strategy.provinceStrategy ?? '-'}`);
    line(`ข. ${g.strategy.position}. ${prefixed('ยุทธศาสตร์', g.strategy.name)}`);
    for (const p of g.programmes) {
      if (!p.rows.length) continue;
      line(`${g.strategy.position}.${p.programme.position} ${prefixed('แผนงาน', p.programme.name)}`);
      p.rows.forEach((r, i) => {
        const row = ws.addRow([
          i + 1,
          r.project.name,
          r.objective,
          r.target,
          ...years(plan).map((y) => (shareIn(r, y) ? baht(shareIn(r, y)) : '-')),
          r.kpi,
          r.expectedResult,
          r.responsibleUnit,
          `${r.jointPlan.name} ปีงบประมาณ ${r.jointPlan.fiscalYear} (${r.networks.map((x) => x.name).join(', ')})`,
        ]);
        row.alignment = { vertical: 'top', wrapText: true };
        yearCols.forEach((c) => (row.getCell(c).numFmt = MONEY));
      });
      totalRow(`รวม ${prefixed('แผนงาน', p.programme.name)}`, p.rows);
    }
    totalRow(`รวม ยุทธศาสตร์ที่ ${g.strategy.position}`, inStrategy);
    all.push(...inStrategy);
  }
  totalRow('รวมทั้งสิ้น', all);
  finish(ws, 5, n);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** ผ.01 บัญชีสรุปโครงการพัฒนา: per strategy (and its programmes) the number of projects and their budget in each plan year. */
export async function p01Xlsx(plan: LocalPlanDetail, edition: Edition | null, rows: IntegratedProject[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'Phakhi';
  const ys = years(plan);
  const n = 1 + 2 * (ys.length + 1);
  const ws = sheet(wb, 'ผ.01', 'บัญชีสรุปโครงการพัฒนา', plan, edition, n);
  ws.columns = [{ width: 50 }, ...Array.from({ length: n - 1 }, (_, i) => ({ width: i % 2 ? 16 : 10 }))];
  const h1 = ws.getRow(5);
  const h2 = ws.getRow(6);
  h1.getCell(1).value = 'ยุทธศาสตร์';
  ws.mergeCells(5, 1, 6, 1);
  [...ys.map((y) => `ปี ${y}`), `รวม ${PLAN_YEARS} ปี`].forEach((label, i) => {
    const c = 2 + 2 * i;
    h1.getCell(c).value = label;
    ws.mergeCells(5, c, 5, c + 1);
    h2.getCell(c).value = 'จำนวนโครงการ';
    h2.getCell(c + 1).value = 'งบประมาณ (บาท)';
  });
  for (const r of [h1, h2]) {
    bold(r, n);
    r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  ws.views = [{ state: 'frozen', ySplit: 6 }];

  // a project with shares in several years counts once in the five-year total
  const figures = (list: IntegratedProject[]) => [
    ...ys.flatMap((y) => {
      const inYear = list.filter((p) => shareIn(p, y) > 0);
      return [inYear.length, baht(inYear.reduce((s, p) => s + shareIn(p, y), 0))];
    }),
    list.filter((p) => p.totalSatang > 0).length,
    baht(list.reduce((s, p) => s + p.totalSatang, 0)),
  ];
  const add = (label: string, list: IntegratedProject[], strong = false) => {
    const row = ws.addRow([label, ...figures(list)]);
    for (let c = 3; c <= n; c += 2) row.getCell(c).numFmt = MONEY;
    if (strong) bold(row, n);
  };
  for (const g of groups(plan, rows)) {
    const head = ws.addRow([`${g.strategy.position}. ${prefixed('ยุทธศาสตร์', g.strategy.name)}`]);
    bold(head, n);
    for (const p of g.programmes) add(`${g.strategy.position}.${p.programme.position} ${prefixed('แผนงาน', p.programme.name)}`, p.rows);
    add(
      `รวม ยุทธศาสตร์ที่ ${g.strategy.position}`,
      g.programmes.flatMap((p) => p.rows),
      true,
    );
  }
  add('รวมทั้งสิ้น', rows, true);
  finish(ws, 5, n);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
