import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
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
import { networks, parties, participationRecords, planActivities, planNetworks, plans } from '../../db/schema';
import { audit, auditMany } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { presentPartySummary } from '../partners/partners.present';
import { likePattern, thaiOrder, totalOver } from '../../platform/sql';
import { pageTotal } from '../../platform/page-total';

type Row = typeof participationRecords.$inferSelect;
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
    const [a] = await tx
      .select({ planId: planActivities.planId })
      .from(planActivities)
      .where(and(eq(planActivities.tenantId, tenantId), eq(planActivities.id, e.activityId)))
      .limit(1);
    if (!a) fields.activityId = 'unknown_activity';
    else if (planId && planId !== a.planId) fields.activityId = 'activity_not_in_plan';
    else planId = a.planId;
  }
  if (planId && !fields.activityId) {
    const [p] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)))
      .limit(1);
    if (!p) fields.planId = 'unknown_plan';
    else if (!networkId) {
      const nets = await tx
        .select({ id: planNetworks.networkId })
        .from(planNetworks)
        .where(and(eq(planNetworks.tenantId, tenantId), eq(planNetworks.planId, planId)));
      if (nets.length === 1) networkId = nets[0].id;
    }
  }
  if (e.networkId) {
    const [n] = await tx
      .select({ id: networks.id })
      .from(networks)
      .where(and(eq(networks.tenantId, tenantId), eq(networks.id, e.networkId)))
      .limit(1);
    if (!n) fields.networkId = 'unknown_network';
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
  return { planId, networkId, activityId: e.activityId ?? null, fiscalYear: fiscalYearOf(e.occurredOn) };
}

/** Check every participant (all at once) and build the rows; field keys name the entry (`entries.3.partyId`). */
async function buildRows(tx: Tx, ctx: TenantContext, e: Event, entries: Who[], prefix: (i: number) => string) {
  const resolved = await resolveEvent(tx, ctx, e);
  const ids = [...new Set(entries.map((x) => x.partyId).filter((x): x is string => !!x))];
  const found = ids.length
    ? await tx
        .select({ id: parties.id, pillar: parties.pillar, sector: parties.sector })
        .from(parties)
        .where(and(eq(parties.tenantId, ctx.tenant.id), inArray(parties.id, ids)))
    : [];
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
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
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

const auditable = (r: Row) => {
  const { tenantId: _t, createdAt: _c, ...rest } = r;
  return rest;
};

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
    const [row] = await tx.insert(participationRecords).values(values).returning();
    await audit(tx, ctx, { entity: 'participation', entityId: row.id, entityLabel: row.title, action: 'create', after: auditable(row) });
    return (await presentRows(tx, ctx, [row]))[0];
  });
}

export async function createBulk(ctx: TenantContext, input: z.output<typeof participationBulk>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { entries, ...e } = input;
    const values = await buildRows(tx, ctx, e, entries, (i) => `entries.${i}.`);
    const rows: Row[] = [];
    for (let i = 0; i < values.length; i += 200)
      rows.push(
        ...(await tx
          .insert(participationRecords)
          .values(values.slice(i, i + 200))
          .returning()),
      );
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
    const [before] = await tx
      .select()
      .from(participationRecords)
      .where(and(eq(participationRecords.tenantId, ctx.tenant.id), eq(participationRecords.id, id)))
      .limit(1);
    if (!before) throw new AppError('not_found');
    await tx.delete(participationRecords).where(and(eq(participationRecords.tenantId, ctx.tenant.id), eq(participationRecords.id, id)));
    await audit(tx, ctx, { entity: 'participation', entityId: id, entityLabel: before.title, action: 'delete', before: auditable(before) });
  });
}

async function presentRows(tx: Tx, ctx: TenantContext, rows: Row[]): Promise<ParticipationRecord[]> {
  const partyIds = [...new Set(rows.map((r) => r.partyId).filter((x): x is string => !!x))];
  const networkIds = [...new Set(rows.map((r) => r.networkId).filter((x): x is string => !!x))];
  const ps = partyIds.length
    ? await tx
        .select()
        .from(parties)
        .where(and(eq(parties.tenantId, ctx.tenant.id), inArray(parties.id, partyIds)))
    : [];
  const ns = networkIds.length
    ? await tx
        .select({ id: networks.id, name: networks.name })
        .from(networks)
        .where(and(eq(networks.tenantId, ctx.tenant.id), inArray(networks.id, networkIds)))
    : [];
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
  const t = participationRecords;
  const conds: (SQL | undefined)[] = [eq(t.tenantId, ctx.tenant.id)];
  if (q.fiscalYear) conds.push(eq(t.fiscalYear, q.fiscalYear));
  if (q.level) conds.push(eq(t.level, q.level));
  if (q.networkId) conds.push(q.networkId === 'none' ? isNull(t.networkId) : eq(t.networkId, q.networkId));
  if (q.pillar) conds.push(q.pillar === 'unknown' ? isNull(t.pillar) : eq(t.pillar, q.pillar));
  if (q.sector) conds.push(q.sector === 'unknown' ? isNull(t.sector) : eq(t.sector, q.sector));
  if (q.partyId) conds.push(eq(t.partyId, q.partyId));
  if (q.planId) conds.push(eq(t.planId, q.planId));
  if (q.activityId) conds.push(eq(t.activityId, q.activityId));
  if (q.q) {
    const p = likePattern(q.q);
    conds.push(sql`(${t.title} ilike ${p} or ${t.groupName} ilike ${p})`);
  }
  const w = and(...conds);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const rows = await tx
      .select({ r: t, total: totalOver })
      .from(t)
      .where(w)
      .orderBy(desc(t.occurredOn), asc(thaiOrder(t.title as never)), asc(t.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const total = await pageTotal(tx, rows, (page - 1) * pageSize, t, w);
    return {
      items: await presentRows(
        tx,
        ctx,
        rows.map((x) => x.r),
      ),
      total,
      page,
      pageSize,
    };
  });
}

const zero = (): LevelCounts => ({ issue: 0, plan: 0, operation: 0 });

/**
 * One occasion = one event on one day: a forum recorded with one partner and two groups is three
 * records but one occasion. Records of the same date, level, subject and title (and plan/activity)
 * are the same occasion.
 */
const occasionKey = (t: typeof participationRecords) =>
  sql`concat_ws('|', ${t.occurredOn}::text, ${t.subjectKind}, ${t.title}, coalesce(${t.planId}::text, '-'), coalesce(${t.activityId}::text, '-'))`;

/**
 * Networks × level, pillars × level and sectors × level for one fiscal year: occasions (distinct
 * events), records and people (head counts, each record counted once) per level. A row's records
 * and people are the sums of the records the drill-down list returns for the same filters; totals
 * count each occasion once even when several networks, pillars or sectors took part in it.
 */
export async function matrix(ctx: TenantContext, fiscalYear: number): Promise<ParticipationMatrix> {
  const t = participationRecords;
  const agg = {
    level: t.level,
    occasions: sql<number>`count(distinct ${occasionKey(t)})::int`,
    records: sql<number>`count(*)::int`,
    people: sql<number>`coalesce(sum(${t.headCount}), 0)::int`,
  };
  const w = and(eq(t.tenantId, ctx.tenant.id), eq(t.fiscalYear, fiscalYear));
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const byNetwork = await tx
      .select({ key: t.networkId, name: networks.name, ...agg })
      .from(t)
      .leftJoin(networks, and(eq(networks.tenantId, t.tenantId), eq(networks.id, t.networkId)))
      .where(w)
      .groupBy(t.networkId, networks.name, t.level);
    const byPillar = await tx
      .select({ key: t.pillar, ...agg })
      .from(t)
      .where(w)
      .groupBy(t.pillar, t.level);
    const bySector = await tx
      .select({ key: t.sector, ...agg })
      .from(t)
      .where(w)
      .groupBy(t.sector, t.level);
    const whole = await tx.select(agg).from(t).where(w).groupBy(t.level);

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
