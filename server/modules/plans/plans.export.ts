import type { Activity, PlanDetail, Project, ScheduleState, WorkStatus } from '../../../common/schemas/plans';
import { formatThaiDate } from '../../../common/thai/dates';
import { satangToDecimalString } from '../../../common/thai/money';
import type { Column } from '../../platform/spreadsheet';

export const WORK_STATUS_TH: Record<WorkStatus, string> = {
  planned: 'ยังไม่เริ่ม',
  in_progress: 'กำลังดำเนินการ',
  done: 'เสร็จแล้ว',
  delayed: 'ล่าช้า',
  cancelled: 'ยกเลิก',
};

/** The status people read: derived from progress and dates (schedule.ts), not the stored flag. */
export const SCHEDULE_TH: Record<ScheduleState, string> = {
  not_started: 'ยังไม่เริ่ม',
  in_progress: 'กำลังดำเนินการ',
  done: 'เสร็จแล้ว',
  overdue: 'เลยกำหนด',
  cancelled: 'ยกเลิก',
};

/** One row of the plan export: the plan itself, a project (1, 2, …) or an activity (1.1, 1.2, …). */
export interface PlanExportRow {
  number: string;
  level: 'แผน' | 'โครงการ' | 'กิจกรรม';
  name: string;
  lead: string | null;
  supporting: string;
  startDate: string | null;
  endDate: string | null;
  status: ScheduleState | null;
  budgetSatang: number;
  progress: number | null;
  objectives: string | null;
  outputTarget: string | null;
  lastReportedOn: string | null;
}

const beDate = (iso: string | null) => (iso ? formatThaiDate(iso) : null);
/** Baht as a number with two decimals taken from the integer satang (exact for any realistic budget). */
const baht = (satang: number) => Number(satangToDecimalString(satang));

export const PLAN_COLUMNS: Column<PlanExportRow>[] = [
  { key: 'number', header: 'ลำดับ', value: (r) => r.number, width: 8 },
  { key: 'level', header: 'ประเภท', value: (r) => r.level, width: 10 },
  { key: 'name', header: 'ชื่อ', value: (r) => r.name, width: 50 },
  { key: 'lead', header: 'ภาคีหลัก', value: (r) => r.lead, width: 30 },
  { key: 'supporting', header: 'ภาคีสนับสนุน', value: (r) => r.supporting, width: 40 },
  { key: 'startDate', header: 'วันเริ่มต้น (พ.ศ.)', value: (r) => beDate(r.startDate), width: 16 },
  { key: 'endDate', header: 'วันสิ้นสุด (พ.ศ.)', value: (r) => beDate(r.endDate), width: 16 },
  { key: 'status', header: 'สถานะ', value: (r) => (r.status ? SCHEDULE_TH[r.status] : null), width: 16 },
  { key: 'budget', header: 'งบประมาณ (บาท)', value: (r) => baht(r.budgetSatang), width: 16 },
  { key: 'progress', header: 'ความก้าวหน้า (%)', value: (r) => r.progress, width: 14 },
  { key: 'objectives', header: 'วัตถุประสงค์', value: (r) => r.objectives, width: 40 },
  { key: 'outputTarget', header: 'เป้าหมายผลผลิต', value: (r) => r.outputTarget, width: 40 },
  { key: 'lastReportedOn', header: 'รายงานล่าสุด (พ.ศ.)', value: (r) => beDate(r.lastReportedOn), width: 16 },
];

const work = (w: Project | Activity) => ({
  name: w.name,
  lead: w.lead?.name ?? null,
  supporting: w.supporting.map((p) => p.name).join(', '),
  startDate: w.effectiveStartDate,
  endDate: w.effectiveEndDate,
  status: w.schedule,
  budgetSatang: w.budgetSatang,
  progress: w.progress,
  objectives: w.objectives,
  outputTarget: w.outputTarget,
});

/** The plan's rows in reading order: the plan (totals), then each project followed by its activities. */
export function planExportRows(plan: PlanDetail): PlanExportRow[] {
  const rows: PlanExportRow[] = [
    {
      number: '',
      level: 'แผน',
      name: `${plan.name} (${plan.networks.map((n) => n.name).join(', ')})`,
      lead: null,
      supporting: '',
      startDate: plan.startDate,
      endDate: plan.endDate,
      status: plan.schedule,
      budgetSatang: plan.budgetSatang,
      progress: plan.progress,
      objectives: plan.description,
      outputTarget: null,
      lastReportedOn: null,
    },
  ];
  plan.projects.forEach((p, i) => {
    rows.push({ number: String(i + 1), level: 'โครงการ', ...work(p), lastReportedOn: null });
    p.activities.forEach((a, j) => rows.push({ number: `${i + 1}.${j + 1}`, level: 'กิจกรรม', ...work(a), lastReportedOn: a.lastReportedOn }));
  });
  return rows;
}
