import type { z } from 'zod';
import type {
  GroupDetail,
  groupInput,
  GroupSummary,
  membersInput,
  MyTurns,
  RotaDetail,
  rotaInput,
  RotaSummary,
  Source,
  SourceKind,
  sourceInput,
  sourcePatch,
  turnPatch,
} from '../../../common/schemas/water';
import { MAX_SEASON_DAYS } from '../../../common/schemas/water';
import { audit } from '../../platform/audit';
import type { TenantContext, TenantRef } from '../../platform/context';
import { withTenant, type Db, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { isLocalGovernmentParty } from '../localplans/localplans.repository';
import { actorPartyId, assertPeople } from '../manpower/shared';
import { generateRota, seasonEnd, seasonStart } from './rota';
import { maskPhone } from '../privacy/sensitive';
import * as repo from './water.repository';
import { existingNetworkIds } from '../networks/networks.repository';
import { givenFields } from '../../../common/objects';

// ------------------------------------------------------------------ sources

const presentSource = (r: repo.SourceRow): Source => ({
  id: r.id,
  kind: r.kind as Source['kind'],
  name: r.name,
  parentId: r.parentId,
  chainageM: r.chainageM,
  lengthM: r.lengthM,
  zone: r.zone as Source['zone'],
  localGovernment: { partyId: r.lgPartyId, name: r.lgName },
  lat: r.lat === null ? null : Number(r.lat),
  lon: r.lon === null ? null : Number(r.lon),
  condition: r.condition as Source['condition'],
  note: r.note,
});

export function listSources(ctx: TenantContext): Promise<Source[]> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => (await repo.sourceRows(tx, ctx.tenant.id, ctx.tenant.nameTh)).map(presentSource));
}

async function loadSource(tx: Tx, ctx: TenantContext, id: string) {
  const [row] = await repo.sourceRows(tx, ctx.tenant.id, ctx.tenant.nameTh, id);
  if (!row) throw new AppError('not_found');
  return presentSource(row);
}

const CANALS: SourceKind[] = ['main_canal', 'side_canal'];
/** What a kind may hang from: nothing for a weir; a canal for a side canal; a weir or canal for the rest (optional). */
function parentAllowed(kind: SourceKind, parentKind: SourceKind | null): boolean {
  if (kind === 'weir') return parentKind === null;
  if (kind === 'side_canal') return parentKind !== null && CANALS.includes(parentKind);
  if (kind === 'main_canal') return parentKind === null || parentKind === 'weir' || parentKind === 'reservoir';
  return parentKind === null || parentKind === 'weir' || parentKind === 'reservoir' || CANALS.includes(parentKind);
}

async function checkSource(tx: Tx, ctx: TenantContext, v: z.output<typeof sourceInput>, selfId: string | null) {
  const fields: Record<string, string> = {};
  let parentKind: SourceKind | null = null;
  if (v.parentId) {
    const kind = (await repo.sourceKind(tx, ctx.tenant.id, v.parentId)) as SourceKind | undefined;
    if (!kind) fields.parentId = 'unknown_source';
    else {
      parentKind = kind;
      if (selfId && (await repo.sourceTree(tx, ctx.tenant.id, selfId)).includes(v.parentId)) fields.parentId = 'parent_cycle';
    }
  }
  if (!fields.parentId && !parentAllowed(v.kind, parentKind)) fields.parentId = 'parent_kind';
  if (v.localGovernmentPartyId && !(await isLocalGovernmentParty(tx, ctx.tenant.id, v.localGovernmentPartyId)))
    fields.localGovernmentPartyId = 'not_local_government';
  refuseFields(fields);
}

export function createSource(ctx: TenantContext, input: z.output<typeof sourceInput>): Promise<Source> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await checkSource(tx, ctx, input, null);
    const id = await repo.insertSource(tx, { tenantId: ctx.tenant.id, ...input });
    await audit(tx, ctx, { entity: 'water_source', entityId: id, entityLabel: input.name, action: 'create', after: input });
    return loadSource(tx, ctx, id);
  });
}

export function updateSource(ctx: TenantContext, id: string, patch: z.output<typeof sourcePatch>): Promise<Source> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await repo.sourceForUpdate(tx, ctx.tenant.id, id);
    if (!before) throw new AppError('not_found');
    const { tenantId: _t, id: _i, createdAt: _c, updatedAt: _u, ...old } = before;
    const next = { ...old, ...givenFields(patch) } as z.output<typeof sourceInput>;
    await checkSource(tx, ctx, next, id);
    await repo.updateSourceRow(tx, ctx.tenant.id, id, { ...next, updatedAt: new Date() });
    await audit(tx, ctx, { entity: 'water_source', entityId: id, entityLabel: next.name, action: 'update', before: old, after: next });
    return loadSource(tx, ctx, id);
  });
}

// ------------------------------------------------------------------ groups

const presentGroup = (g: repo.GroupRow): GroupSummary => ({
  id: g.id,
  name: g.name,
  source: { id: g.sourceId, name: g.sourceName, kind: g.sourceKind as SourceKind },
  zone: g.zone as GroupSummary['zone'],
  head: g.headPartyId ? { partyId: g.headPartyId, name: g.headName ?? '' } : null,
  memberCount: g.memberCount,
  irrigatedRai: Number(g.irrigatedRai),
});

export function listGroups(ctx: TenantContext): Promise<GroupSummary[]> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => (await repo.groupRows(tx, ctx.tenant.id)).map(presentGroup));
}

async function loadGroup(tx: Tx, ctx: TenantContext, id: string): Promise<GroupDetail> {
  const [g] = await repo.groupRows(tx, ctx.tenant.id, id);
  if (!g) throw new AppError('not_found');
  const members = await repo.memberRows(tx, ctx.tenant.id, id);
  return {
    ...presentGroup(g),
    networkId: g.networkId,
    // a member list needs no one's full phone number (PDPA): masked as the partner directory masks it; the person's
    // page in the registry shows it whole to the roles that keep the registry, and logs that it did
    members: members.map((m) => ({
      ...m,
      role: m.role as GroupDetail['members'][number]['role'],
      irrigatedRai: Number(m.irrigatedRai),
      phone: m.phone && maskPhone(m.phone),
    })),
  };
}

export const getGroup = (ctx: TenantContext, id: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadGroup(tx, ctx, id));

export function createGroup(ctx: TenantContext, input: z.output<typeof groupInput>): Promise<GroupDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const fields: Record<string, string> = {};
    if ((await repo.sourceName(tx, ctx.tenant.id, input.sourceId)) === undefined) fields.sourceId = 'unknown_source';
    if (input.networkId) {
      if (!(await existingNetworkIds(tx, ctx.tenant.id, [input.networkId])).size) fields.networkId = 'unknown_network';
    }
    if (await repo.groupNameTaken(tx, ctx.tenant.id, input.name)) throw new AppError('conflict', { name: 'group_name_taken' });
    refuseFields(fields);
    const id = await repo.insertGroup(tx, { tenantId: ctx.tenant.id, ...input });
    await audit(tx, ctx, { entity: 'water_user_group', entityId: id, entityLabel: input.name, action: 'create', after: input });
    return loadGroup(tx, ctx, id);
  });
}

/** The whole member list at once: registry people, each once, at most one head; areas in hundredths of a rai. */
export function setMembers(ctx: TenantContext, id: string, input: z.output<typeof membersInput>): Promise<GroupDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const g = await repo.groupForUpdate(tx, ctx.tenant.id, id);
    if (!g) throw new AppError('not_found');
    const fields: Record<string, string> = {};
    const people = await assertPeople(
      tx,
      ctx.tenant.id,
      input.members.map((m) => m.partyId),
    );
    const seen = new Set<string>();
    let heads = 0;
    input.members.forEach((m, i) => {
      if (!people.has(m.partyId)) fields[`members.${i}.partyId`] = 'unknown_person';
      else if (seen.has(m.partyId)) fields[`members.${i}.partyId`] = 'duplicate_water_member';
      seen.add(m.partyId);
      if (m.role === 'head' && ++heads > 1) fields[`members.${i}.role`] = 'one_head';
    });
    refuseFields(fields);
    const before = await repo.memberRows(tx, ctx.tenant.id, id);
    await repo.replaceMembers(
      tx,
      ctx.tenant.id,
      id,
      input.members.map((m) => ({ partyId: m.partyId, role: m.role, plot: m.plot, irrigatedRai: m.irrigatedRai.toFixed(2) })),
    );
    await audit(tx, ctx, { entity: 'water_user_group', entityId: id, entityLabel: g.name, action: 'update', before: { members: before }, after: input });
    return loadGroup(tx, ctx, id);
  });
}

// ------------------------------------------------------------------ rotas

const presentRota = (r: repo.RotaRow): RotaSummary => ({
  id: r.id,
  source: { id: r.sourceId, name: r.sourceName },
  season: r.season,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  turnHours: r.turnHours,
  rule: r.rule as RotaSummary['rule'],
  order: r.order as RotaSummary['order'],
  status: r.status as RotaSummary['status'],
  publishedAt: r.publishedAt,
  turnCount: r.turnCount,
});

export function listRotas(ctx: TenantContext): Promise<RotaSummary[]> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => (await repo.rotaRows(tx, ctx.tenant.id)).map(presentRota));
}

const presentTurn = (x: Awaited<ReturnType<typeof repo.turnRows>>[number]) => ({
  id: x.id,
  seq: x.seq,
  groupId: x.groupId,
  groupName: x.groupName,
  zone: x.zone as RotaDetail['turns'][number]['zone'],
  startsAt: x.startsAt,
  endsAt: x.endsAt,
});

/** The groups of a source and everything below it, with their irrigated area in hundredths of a rai. */
async function rotaGroups(tx: Tx, tenantId: string, sourceId: string) {
  const tree = await repo.sourceTree(tx, tenantId, sourceId);
  if (!tree.length) return [];
  return repo.groupsOnSources(tx, tenantId, tree);
}

async function loadRota(tx: Tx, ctx: TenantContext, id: string): Promise<RotaDetail> {
  const [r] = await repo.rotaRows(tx, ctx.tenant.id, { id });
  if (!r) throw new AppError('not_found');
  const turns = (await repo.turnRows(tx, ctx.tenant.id, id)).map(presentTurn);
  const groups = await rotaGroups(tx, ctx.tenant.id, r.sourceId);
  // the exact share the rule gives, against the season's slots, beside what the turns hold now
  const slots = Math.floor((seasonEnd(r.endsOn) - seasonStart(r.startsOn)) / (r.turnHours * 3_600_000));
  const weight = (g: { centi: number }) => (r.rule === 'equal' ? 1 : g.centi);
  const total = groups.reduce((s, g) => s + weight(g), 0);
  const hoursOf = (groupId: string) =>
    turns.filter((x) => x.groupId === groupId).reduce((s, x) => s + (Date.parse(x.endsAt) - Date.parse(x.startsAt)) / 3_600_000, 0);
  const shares = groups
    .map((g) => ({
      groupId: g.id,
      groupName: g.name,
      zone: g.zone,
      irrigatedRai: g.centi / 100,
      quota: total ? Math.round(((slots * weight(g)) / total) * 100) / 100 : 0,
      turns: turns.filter((x) => x.groupId === g.id).length,
      hours: Math.round(hoursOf(g.id)),
    }))
    .sort((a, b) => a.zone.localeCompare(b.zone) || a.groupName.localeCompare(b.groupName, 'th'));
  return { ...presentRota(r), shares, turns };
}

export const getRota = (ctx: TenantContext, id: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadRota(tx, ctx, id));

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Generate a draft rota for a season and a source: the pure generator (rota.ts) over the groups below the source. */
export function createRota(ctx: TenantContext, input: z.output<typeof rotaInput>): Promise<RotaDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    if (input.endsOn < input.startsOn) throw new AppError('validation_failed', { endsOn: 'end_before_start' });
    if (daysBetween(input.startsOn, input.endsOn) >= MAX_SEASON_DAYS) throw new AppError('validation_failed', { endsOn: 'season_too_long' });
    const srcName = await repo.sourceName(tx, ctx.tenant.id, input.sourceId);
    if (srcName === undefined) throw new AppError('validation_failed', { sourceId: 'unknown_source' });
    const groups = await rotaGroups(tx, ctx.tenant.id, input.sourceId);
    if (!groups.length) throw new AppError('validation_failed', { sourceId: 'no_groups' });
    const out = generateRota({
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      turnHours: input.turnHours,
      rule: input.rule,
      order: input.order,
      groups: groups.map((g) => ({ id: g.id, name: g.name, zone: g.zone, areaCentiRai: g.centi })),
    });
    if (!out.slots) throw new AppError('validation_failed', { turnHours: 'season_shorter_than_turn' });
    const rotaId = await repo.insertRota(
      tx,
      {
        tenantId: ctx.tenant.id,
        sourceId: input.sourceId,
        season: input.season,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        turnHours: input.turnHours,
        rule: input.rule,
        orderRule: input.order,
      },
      out.turns.map((x) => ({ groupId: x.groupId, seq: x.seq, startsAt: new Date(x.startsAt), endsAt: new Date(x.endsAt) })),
    );
    await audit(tx, ctx, {
      entity: 'water_rota',
      entityId: rotaId,
      entityLabel: `${input.season} (${srcName})`,
      action: 'create',
      after: { ...input, turns: out.turns.length, counts: Object.fromEntries(out.counts) },
    });
    return loadRota(tx, ctx, rotaId);
  });
}

async function lockDraftRota(tx: Tx, ctx: TenantContext, id: string) {
  const r = await repo.rotaForUpdate(tx, ctx.tenant.id, id);
  if (!r) throw new AppError('not_found');
  if (r.status !== 'draft') throw new AppError('conflict', { id: 'rota_published' });
  return r;
}

export function publishRota(ctx: TenantContext, id: string): Promise<RotaDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const r = await lockDraftRota(tx, ctx, id);
    await repo.markRotaPublished(tx, ctx.tenant.id, id, new Date());
    await audit(tx, ctx, {
      entity: 'water_rota',
      entityId: id,
      entityLabel: r.season,
      action: 'update',
      before: { status: 'draft' },
      after: { status: 'published' },
    });
    return loadRota(tx, ctx, id);
  });
}

/** Move one turn of a draft by hand: inside the season, overlapping no other turn of the rota. */
export function moveTurn(ctx: TenantContext, id: string, turnId: string, input: z.output<typeof turnPatch>): Promise<RotaDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const r = await lockDraftRota(tx, ctx, id);
    const x = await repo.turnOfRota(tx, ctx.tenant.id, id, turnId);
    if (!x) throw new AppError('not_found');
    const a = Date.parse(input.startsAt);
    const b = Date.parse(input.endsAt);
    if (b <= a) throw new AppError('validation_failed', { endsAt: 'turn_end_before_start' });
    const fields: Record<string, string> = {};
    if (a < seasonStart(r.startsOn)) fields.startsAt = 'turn_outside_season';
    if (b > seasonEnd(r.endsOn)) fields.endsAt = 'turn_outside_season';
    refuseFields(fields);
    if (await repo.turnOverlaps(tx, ctx.tenant.id, id, turnId, new Date(a), new Date(b))) throw new AppError('conflict', { startsAt: 'turn_overlap' });
    await repo.moveTurnRow(tx, ctx.tenant.id, turnId, new Date(a), new Date(b));
    await audit(tx, ctx, {
      entity: 'water_rota',
      entityId: id,
      entityLabel: r.season,
      action: 'update',
      before: { turnId, startsAt: x.startsAt.toISOString(), endsAt: x.endsAt.toISOString() },
      after: { turnId, ...input },
    });
    return loadRota(tx, ctx, id);
  });
}

/** The caller's groups and their next turns in published rotas (the one running now first). */
export function myTurns(ctx: TenantContext, now = new Date()): Promise<MyTurns> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const partyId = await actorPartyId(tx, ctx);
    if (!partyId) return { linked: false, groups: [], next: [] };
    const groups = await repo.groupsOfPerson(tx, ctx.tenant.id, partyId);
    if (!groups.length) return { linked: true, groups: [], next: [] };
    const turns = await repo.nextTurnsOfGroups(
      tx,
      ctx.tenant.id,
      groups.map((g) => g.id),
      now,
    );
    return {
      linked: true,
      groups,
      next: turns.map((x) => ({ ...presentTurn(x), rotaId: x.rotaId, season: x.season, sourceName: x.sourceName, current: x.current })),
    };
  });
}

/** Published rotas with their turns by group name (no people): for the public pages. */
export function publicRotas(db: Db, tenant: TenantRef) {
  return withTenant(db, tenant.id, async (tx) => {
    const rs = await repo.rotaRows(tx, tenant.id, { publishedOnly: true });
    const items = [];
    for (const r of rs) {
      const turns = (await repo.turnRows(tx, tenant.id, r.id)).map(presentTurn);
      items.push({ ...presentRota(r), turns: turns.map(({ id: _id, ...t }) => t) });
    }
    return { tenant: { nameTh: tenant.nameTh, nameEn: tenant.nameEn }, items };
  });
}
