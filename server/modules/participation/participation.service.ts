import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import { PILLAR_TH, SECTOR_TH } from '../../../common/schemas/labels';
import type { Pillar, Sector } from '../../../common/schemas/enums';
import {
  PARTICIPATION_LEVELS,
  type LevelCounts,
  type MatrixRow,
  type participationBulk,
  type participationCreate,
  type participationListQuery,
  type ParticipationMatrix,
  type ParticipationRecord,
} from '../../../common/schemas/participation';
import { fiscalYearOf } from '../../../common/thai/dates';
import { audit, auditMany } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { presentPartySummary } from '../partners/partners.present';
import * as repo from './participation.repository';

type Row = repo.RecordRow;
type Event = Omit<z.output<typeof participationBulk>, 'entries'>;
type Who = z.output<typeof participationBulk>['entries'][number];

const PILLAR_EN: Record<Pillar, string> = { local: 'Local', locality: 'Locality', people: "People's" };
const SECTOR_EN: Record<Sector, string> = {
  local_government: 'Local government',
  locality: 'Locality',
  public_agency: 'Public agency',
  private: 'Private',
  civil_society: 'Civil society',
  academic: 'Academic',
  religious: 'Religious',
};

/** Check the event's links and fill in what follows from them (plan from activity, network from a one-network plan). */
async function resolveEvent(tx: Tx, ctx: TenantContext, e: Event) {
  const tenantId = ctx.tenant.id;
  const fields: Record<string, string> = {};
  let planId = e.planId ?? null;
  let networkId = e.networkId ?? null;
  if (e.activityId) {
    const activityPlan = await repo.activityPlanId(tx, tenantId, e.activityId);
    if (!activityPlan) fields.activityId = 'unknown_activity';
    else if (planId && planId !== activityPlan) fields.activityId = 'activity_not_in_plan';
    else planId = activityPlan;
  }
  if (planId && !fields.activityId) {
    if (!(await repo.planExists(tx, tenantId, planId))) fields.planId = 'unknown_plan';
    else if (!networkId) {
      const nets = await repo.planNetworkIds(tx, tenantId, planId);
      if (nets.length === 1) networkId = nets[0];
    }
  }
  if (e.networkId) {
    if (!(await repo.networkExists(tx, tenantId, e.networkId))) fields.networkId = 'unknown_network';
  }
  refuseFields(fields);
  return { planId, networkId, activityId: e.activityId ?? null, fiscalYear: fiscalYearOf(e.occurredOn) };
}

/** Check every participant (all at once) and build the rows; field keys name the entry (`entries.3.partyId`). */
async function buildRows(tx: Tx, ctx: TenantContext, e: Event, entries: Who[], prefix: (i: number) => string) {
  const resolved = await resolveEvent(tx, ctx, e);
  const ids = [...new Set(entries.map((x) => x.partyId).filter((x): x is string => !!x))];
  const found = ids.length ? await repo.partyKinds(tx, ctx.tenant.id, ids) : [];
  const party = new Map(found.map((p) => [p.id, p]));
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  entries.forEach((x, i) => {
    if (x.partyId) {
      if (!party.has(x.partyId)) fields[`${prefix(i)}partyId`] = 'unknown_party';
      else if (seen.has(x.partyId)) fields[`${prefix(i)}partyId`] = 'duplicate_participant';
      seen.add(x.partyId);
    } else if (!x.groupName) fields[`${prefix(i)}partyId`] = 'party_or_group';
  });
  refuseFields(fields);
  return entries.map((x) => {
    const p = x.partyId ? party.get(x.partyId) : undefined;
    return {
      tenantId: ctx.tenant.id,
      occurredOn: e.occurredOn,
      fiscalYear: resolved.fiscalYear,
      level: e.level,
      subjectKind: e.subjectKind,
      title: e.title,
      networkId: resolved.networkId,
      planId: resolved.planId,
      activityId: resolved.activityId,
      partyId: x.partyId ?? null,
      groupName: x.groupName ?? null,
      headCount: x.headCount,
      pillar: x.pillar ?? p?.pillar ?? null,
      sector: x.sector ?? p?.sector ?? null,
      contribution: x.contribution ?? e.contribution,
      amountSatang: x.amountSatang ?? null,
      note: x.note ?? null,
    };
  });
}

export async function createRecord(ctx: TenantContext, input: z.output<typeof participationCreate>): Promise<ParticipationRecord> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { partyId, groupName, headCount, pillar, sector, contribution, amountSatang, note, ...e } = input;
    const [values] = await buildRows(
      tx,
      ctx,
      { ...e, contribution },
      [{ partyId, groupName, headCount, pillar, sector, contribution, amountSatang, note }],
      () => '',
    );
    const [row] = await repo.insertRecords(tx, [values]);
    await audit(tx, ctx, { entity: 'participation', entityId: row.id, entityLabel: row.title, action: 'create', after: row });
    return (await presentRows(tx, ctx, [row]))[0];
  });
}

export async function createBulk(ctx: TenantContext, input: z.output<typeof participationBulk>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { entries, ...e } = input;
    const values = await buildRows(tx, ctx, e, entries, (i) => `entries.${i}.`);
    const rows: Row[] = [];
    for (let i = 0; i < values.length; i += 200) rows.push(...(await repo.insertRecords(tx, values.slice(i, i + 200))));
    const people = rows.reduce((s, r) => s + r.headCount, 0);
    await auditMany(tx, ctx, [
      {
        entity: 'participation',
        entityId: null,
        entityLabel: `${e.title}: ${rows.length} รายการ ${people} คน`,
        action: 'create',
        after: {
          occurredOn: e.occurredOn,
          level: e.level,
          subjectKind: e.subjectKind,
          title: e.title,
          records: rows.length,
          people,
          ids: rows.map((r) => r.id),
        },
      },
    ]);
    return { created: rows.length, people, ids: rows.map((r) => r.id) };
  });
}

export async function deleteRecord(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await repo.getRecord(tx, ctx.tenant.id, id);
    if (!before) throw new AppError('not_found');
    await repo.deleteRecordRow(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'participation', entityId: id, entityLabel: before.title, action: 'delete', before });
  });
}

async function presentRows(tx: Tx, ctx: TenantContext, rows: Row[]): Promise<ParticipationRecord[]> {
  const partyIds = [...new Set(rows.map((r) => r.partyId).filter((x): x is string => !!x))];
  const networkIds = [...new Set(rows.map((r) => r.networkId).filter((x): x is string => !!x))];
  const ps = partyIds.length ? await repo.partiesByIds(tx, ctx.tenant.id, partyIds) : [];
  const ns = networkIds.length ? await repo.networkNames(tx, ctx.tenant.id, networkIds) : [];
  const party = new Map(ps.map((p) => [p.id, presentPartySummary(p)]));
  const network = new Map(ns.map((n) => [n.id, n]));
  return rows.map((r) => ({
    id: r.id,
    occurredOn: r.occurredOn,
    fiscalYear: r.fiscalYear,
    level: r.level as ParticipationRecord['level'],
    subjectKind: r.subjectKind as ParticipationRecord['subjectKind'],
    title: r.title,
    network: r.networkId ? (network.get(r.networkId) ?? null) : null,
    planId: r.planId,
    activityId: r.activityId,
    party: r.partyId ? (party.get(r.partyId) ?? null) : null,
    groupName: r.groupName,
    headCount: r.headCount,
    pillar: r.pillar as ParticipationRecord['pillar'],
    sector: r.sector as ParticipationRecord['sector'],
    contribution: r.contribution as ParticipationRecord['contribution'],
    amountSatang: r.amountSatang,
    note: r.note,
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

/** Drill-down: the records behind a matrix cell (same filters), newest first. */
export async function listRecords(ctx: TenantContext, q: z.output<typeof participationListQuery>): Promise<ListResult<ParticipationRecord>> {
  const { page, pageSize } = q;
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { rows, total } = await repo.recordPage(tx, ctx.tenant.id, q, pageSize, (page - 1) * pageSize);
    return {
      items: await presentRows(tx, ctx, rows),
      total,
      page,
      pageSize,
    };
  });
}

const zero = (): LevelCounts => ({ issue: 0, plan: 0, operation: 0 });

/**
 * Networks × level, pillars × level and sectors × level for one fiscal year: occasions (distinct
 * events), records and people (head counts, each record counted once) per level. A row's records
 * and people are the sums of the records the drill-down list returns for the same filters; totals
 * count each occasion once even when several networks, pillars or sectors took part in it.
 */
export async function matrix(ctx: TenantContext, fiscalYear: number): Promise<ParticipationMatrix> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { byNetwork, byPillar, bySector, whole } = await repo.matrixCounts(tx, ctx.tenant.id, fiscalYear);

    const en = ctx.lang === 'en';
    const fold = (
      rows: { key: string | null; level: string; occasions: number; records: number; people: number; name?: string | null }[],
      none: string,
      label: (k: string, name?: string | null) => string,
    ) => {
      const m = new Map<string, MatrixRow>();
      for (const r of rows) {
        const key = r.key ?? none;
        const row = m.get(key) ?? {
          key,
          label: r.key ? label(r.key, r.name) : en ? 'Not specified' : 'ไม่ระบุ',
          occasions: zero(),
          counts: zero(),
          people: zero(),
        };
        const level = r.level as keyof LevelCounts;
        row.occasions[level] += r.occasions;
        row.counts[level] += r.records;
        row.people[level] += r.people;
        m.set(key, row);
      }
      const sum = (x: LevelCounts) => x.issue + x.plan + x.operation;
      return [...m.values()].sort((a, b) => sum(b.occasions) - sum(a.occasions) || sum(b.counts) - sum(a.counts) || a.label.localeCompare(b.label, 'th'));
    };
    const networksRows = fold(byNetwork, 'none', (_k, name) => name ?? '');
    const pillars = fold(byPillar, 'unknown', (k) => (en ? PILLAR_EN[k as Pillar] : PILLAR_TH[k as Pillar]) ?? k);
    const sectors = fold(bySector, 'unknown', (k) => (en ? SECTOR_EN[k as Sector] : SECTOR_TH[k as Sector]) ?? k);
    const occasions = zero();
    const counts = zero();
    const people = zero();
    for (const r of whole) {
      const l = r.level as keyof LevelCounts;
      occasions[l] = r.occasions;
      counts[l] = r.records;
      people[l] = r.people;
    }
    return { fiscalYear, levels: [...PARTICIPATION_LEVELS], occasions, counts, people, networks: networksRows, pillars, sectors };
  });
}
