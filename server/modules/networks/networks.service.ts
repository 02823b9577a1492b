import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { Stage } from '../../../common/schemas/enums';
import type {
  memberCreate,
  memberListQuery,
  memberUpdate,
  Network,
  NetworkDetail,
  NetworkMember,
  networkCreate,
  networkListQuery,
  networkUpdate,
} from '../../../common/schemas/networks';
import { audit } from '../../platform/audit';
import { type TenantContext, actorUserId } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { cachedTenantPage, type CachedPage } from '../../platform/page-cache';
import { AppError, assertDateOrder } from '../../platform/errors';
import { presentPartySummary } from '../partners/partners.present';
import { existingPartyIds } from '../partners/partners.repository';
import * as repo from './networks.repository';
import { todayInThailand } from '../../platform/today';
import { isoTime } from '../../platform/sql';

/** Today in Thailand, not in UTC (which is yesterday until 07:00 Bangkok time). */
const today = () => todayInThailand();

function present(r: repo.NetworkJoined): Network {
  const n = r.network;
  return {
    id: n.id,
    name: n.name,
    nameEn: n.nameEn,
    description: n.description,
    issues: n.issues,
    tags: n.tags,
    pillar: n.pillar as Network['pillar'],
    stage: n.stage as Network['stage'],
    foundedOn: n.foundedOn,
    coordinator: r.coordinator?.id ? presentPartySummary(r.coordinator as never) : null,
    memberCount: r.memberCount,
    createdAt: isoTime(n.createdAt),
    updatedAt: isoTime(n.updatedAt),
  };
}

export async function listNetworks(ctx: TenantContext, q: z.output<typeof networkListQuery>): Promise<ListResult<Network>> {
  const { page, pageSize, sort, ...filter } = q;
  const { rows, total } = await withTenant(ctx.db, ctx.tenant.id, (tx) => repo.listNetworks(tx, ctx.tenant.id, filter, sort, pageSize, (page - 1) * pageSize));
  return { items: rows.map(present), total, page, pageSize };
}

/**
 * The list page's shape (`listOf(networkListItem)`: without descriptions, which the export and the network's
 * page have) as JSON text made by PostgreSQL in the list's one statement; the route sends it as it is.
 */
export async function listNetworkItemsJson(ctx: TenantContext, q: z.output<typeof networkListQuery>): Promise<CachedPage> {
  // the same for every role that may see the list: the key is the parsed query (defaults filled in)
  return cachedTenantPage(ctx, `networks ${JSON.stringify(q)}`, async () => {
    const { page, pageSize, sort, ...filter } = q;
    const { items, total } = await withTenant(ctx.db, ctx.tenant.id, (tx) =>
      repo.listNetworkItemsJson(tx, ctx.tenant.id, filter, sort, pageSize, (page - 1) * pageSize),
    );
    return `{"items":${items},"total":${total},"page":${page},"pageSize":${pageSize}}`;
  });
}

export async function getNetworkDetail(ctx: TenantContext, id: string): Promise<NetworkDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const row = await repo.getNetwork(tx, ctx.tenant.id, id);
    if (!row) throw new AppError('not_found');
    const history = await repo.stageHistory(tx, ctx.tenant.id, id);
    return {
      ...present(row),
      stageHistory: history.map(({ change, changedBy }) => ({
        id: change.id,
        fromStage: change.fromStage as Stage | null,
        toStage: change.toStage as Stage,
        changedOn: change.changedOn,
        note: change.note,
        changedBy,
      })),
    };
  });
}

async function assertParty(tx: Tx, ctx: TenantContext, partyId: string | null | undefined, field: string) {
  if (!partyId) return;
  const known = await existingPartyIds(tx, ctx.tenant.id, [partyId]);
  if (!known.has(partyId)) throw new AppError('validation_failed', { [field]: 'unknown_party' });
}

/** The coordinator is also a member of the network with the coordinator role. */
async function ensureCoordinatorMembership(tx: Tx, ctx: TenantContext, networkId: string, partyId: string | null) {
  if (!partyId) return;
  if (await repo.hasOpenMembership(tx, ctx.tenant.id, networkId, partyId)) return;
  const m = await repo.insertMember(tx, ctx.tenant.id, { networkId, partyId, role: 'coordinator', startDate: today() });
  await audit(tx, ctx, {
    entity: 'network_member',
    entityId: m.id,
    action: 'create',
    after: { networkId, partyId, role: 'coordinator', startDate: m.startDate },
  });
}

async function recordStage(tx: Tx, ctx: TenantContext, networkId: string, from: string | null, to: string, on: string, note: string | null) {
  await repo.insertStageChange(tx, {
    tenantId: ctx.tenant.id,
    networkId,
    fromStage: from,
    toStage: to,
    changedOn: on,
    note,
    changedByUserId: actorUserId(ctx),
  });
}

export async function createNetwork(ctx: TenantContext, input: z.output<typeof networkCreate>): Promise<NetworkDetail> {
  const id = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await assertParty(tx, ctx, input.coordinatorPartyId, 'coordinatorPartyId');
    const row = await repo.insertNetwork(tx, ctx.tenant.id, {
      name: input.name,
      nameEn: input.nameEn ?? null,
      description: input.description ?? null,
      issues: [...new Set(input.issues)],
      tags: [...new Set(input.tags)],
      pillar: input.pillar,
      stage: input.stage,
      foundedOn: input.foundedOn ?? null,
      coordinatorPartyId: input.coordinatorPartyId ?? null,
    });
    await recordStage(tx, ctx, row.id, null, row.stage, input.foundedOn ?? today(), null);
    await audit(tx, ctx, { entity: 'network', entityId: row.id, entityLabel: row.name, action: 'create', after: row });
    await ensureCoordinatorMembership(tx, ctx, row.id, row.coordinatorPartyId);
    return row.id;
  });
  return getNetworkDetail(ctx, id);
}

export async function updateNetwork(ctx: TenantContext, id: string, input: z.output<typeof networkUpdate>): Promise<NetworkDetail> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const current = await repo.getNetwork(tx, ctx.tenant.id, id);
    if (!current) throw new AppError('not_found');
    const before = current.network;
    if ('coordinatorPartyId' in input) await assertParty(tx, ctx, input.coordinatorPartyId, 'coordinatorPartyId');
    const { stageNote, stageChangedOn, ...fields } = input;
    const set: Partial<repo.NetworkFields> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) (set as Record<string, unknown>)[k] = Array.isArray(v) ? [...new Set(v)] : v;
    const after = await repo.updateNetwork(tx, ctx.tenant.id, id, set);
    if (input.stage && input.stage !== before.stage) await recordStage(tx, ctx, id, before.stage, input.stage, stageChangedOn ?? today(), stageNote ?? null);
    await audit(tx, ctx, {
      entity: 'network',
      entityId: id,
      entityLabel: after.name,
      action: 'update',
      before,
      after: { ...after, ...(stageNote ? { stageNote } : {}) },
    });
    if (after.coordinatorPartyId !== before.coordinatorPartyId) await ensureCoordinatorMembership(tx, ctx, id, after.coordinatorPartyId);
  });
  return getNetworkDetail(ctx, id);
}

export async function deleteNetwork(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const current = await repo.getNetwork(tx, ctx.tenant.id, id);
    if (!current) throw new AppError('not_found');
    await repo.deleteNetwork(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'network', entityId: id, entityLabel: current.network.name, action: 'delete', before: current.network });
  });
}

// ---- members ----

function presentMember(r: NonNullable<Awaited<ReturnType<typeof repo.getMember>>>): NetworkMember {
  return {
    id: r.member.id,
    party: presentPartySummary(r.party),
    role: r.member.role as NetworkMember['role'],
    startDate: r.member.startDate,
    endDate: r.member.endDate,
  };
}

async function assertNetwork(tx: Tx, ctx: TenantContext, networkId: string) {
  const n = await repo.networkName(tx, ctx.tenant.id, networkId);
  if (!n) throw new AppError('not_found');
  return n;
}

export async function listMembers(ctx: TenantContext, networkId: string, q: z.output<typeof memberListQuery>): Promise<ListResult<NetworkMember>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await assertNetwork(tx, ctx, networkId);
    const { rows, total } = await repo.listMembers(tx, ctx.tenant.id, networkId, q, q.pageSize, (q.page - 1) * q.pageSize);
    return { items: rows.map(presentMember), total, page: q.page, pageSize: q.pageSize };
  });
}

export async function addMember(ctx: TenantContext, networkId: string, input: z.output<typeof memberCreate>): Promise<NetworkMember> {
  assertDateOrder(input.startDate, input.endDate);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const network = await assertNetwork(tx, ctx, networkId);
    await assertParty(tx, ctx, input.partyId, 'partyId');
    if (await repo.hasOpenMembership(tx, ctx.tenant.id, networkId, input.partyId)) throw new AppError('conflict', { partyId: 'already_member' });
    const m = await repo.insertMember(tx, ctx.tenant.id, {
      networkId,
      partyId: input.partyId,
      role: input.role,
      startDate: input.startDate ?? today(),
      endDate: input.endDate ?? null,
    });
    const row = (await repo.getMember(tx, ctx.tenant.id, networkId, m.id))!;
    await audit(tx, ctx, {
      entity: 'network_member',
      entityId: m.id,
      entityLabel: `${network.name}: ${row.party.name}`,
      action: 'create',
      after: { networkId, partyId: m.partyId, role: m.role, startDate: m.startDate, endDate: m.endDate },
    });
    await repo.updateNetwork(tx, ctx.tenant.id, networkId);
    return presentMember(row);
  });
}

export async function updateMember(ctx: TenantContext, networkId: string, memberId: string, input: z.output<typeof memberUpdate>): Promise<NetworkMember> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const network = await assertNetwork(tx, ctx, networkId);
    const existing = await repo.getMember(tx, ctx.tenant.id, networkId, memberId);
    if (!existing) throw new AppError('not_found');
    const next = {
      role: input.role ?? existing.member.role,
      startDate: 'startDate' in input ? (input.startDate ?? null) : existing.member.startDate,
      endDate: 'endDate' in input ? (input.endDate ?? null) : existing.member.endDate,
    };
    assertDateOrder(next.startDate, next.endDate);
    await repo.updateMember(tx, ctx.tenant.id, memberId, next);
    const { role, startDate, endDate } = existing.member;
    await audit(tx, ctx, {
      entity: 'network_member',
      entityId: memberId,
      entityLabel: `${network.name}: ${existing.party.name}`,
      action: 'update',
      before: { role, startDate, endDate },
      after: next,
    });
    return presentMember((await repo.getMember(tx, ctx.tenant.id, networkId, memberId))!);
  });
}

export async function removeMember(ctx: TenantContext, networkId: string, memberId: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const network = await assertNetwork(tx, ctx, networkId);
    const existing = await repo.getMember(tx, ctx.tenant.id, networkId, memberId);
    if (!existing) throw new AppError('not_found');
    await repo.deleteMember(tx, ctx.tenant.id, memberId);
    const { partyId, role, startDate, endDate } = existing.member;
    await audit(tx, ctx, {
      entity: 'network_member',
      entityId: memberId,
      entityLabel: `${network.name}: ${existing.party.name}`,
      action: 'delete',
      before: { networkId, partyId, role, startDate, endDate },
    });
  });
}
