import type { IntegratedProject, IntegrationStatus, SharedContent } from '../../../common/schemas/localplans';
import { sharedContent } from '../../../common/schemas/localplans';
import { tenantRefs } from '../tenants/tenants.repository';
import { audit } from '../../platform/audit';
import { SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import { withTenant, type Db, type Tx } from '../../platform/db';
import * as repo from './localplans.repository';
import * as share from './sharing.repository';

/**
 * The outbox between tenants (docs/decisions/0016-cross-tenant-outbox.md). The owner of a joint project writes an
 * `assignment` event (the whole state of one local government's assignment) into its own outbox in the transaction
 * that changes it; the neighbour that is itself a tenant writes `status` events into its own outbox the same way.
 * The relay reads a sender's outbox as the sender and applies each event as the receiver, in two transactions that
 * never see each other's tenant: the receiver's inbox keeps event ids (a repeat is a no-op) and the highest applied
 * sequence number per item (an older state arriving late is recorded but not applied).
 */

type EventKind = 'assignment' | 'status';
/** `initial`: the owner's record of the status so far, taken by a copy when it is first made (a link after integration). */
export type AssignmentPayload = { removed: true } | { removed: false; content: SharedContent; initial?: StatusPayload };
export interface StatusPayload {
  status: IntegrationStatus;
  edition: { kind: 'original' | 'addition' | 'change'; number: number; approvedOn: string; approvingAct: string } | null;
  dropReason: string | null;
}

const lock = share.lockKey;

/** Write one event into this tenant's outbox, numbered after the item's previous events of the same kind. */
export async function enqueue(tx: Tx, tenantId: string, target: string, kind: EventKind, itemId: string, payload: AssignmentPayload | StatusPayload) {
  await lock(tx, tenantId, `${kind}:${itemId}`);
  const seq = await share.nextSeq(tx, tenantId, itemId, kind);
  await share.insertOutboxEvent(tx, { tenantId, targetTenantId: target, kind, itemId, seq, payload });
}

/** The tenant a local plan's local government is linked to, per local plan id (only linked ones). */
export async function linkedTargets(tx: Tx, tenantId: string, localPlanIds: string[]): Promise<Map<string, string>> {
  if (!localPlanIds.length) return new Map();
  const found = await share.linkedTargetRows(tx, tenantId, localPlanIds);
  return new Map(found.map((f) => [f.localPlanId, f.target]));
}

/** What the neighbour is sent about one assignment: names rather than ids, since none of the owner's ids mean anything there. */
export async function contentOf(tx: Tx, ctx: TenantContext, item: IntegratedProject): Promise<SharedContent> {
  const plan = (await repo.localPlanById(tx, ctx.tenant.id, item.localPlanId))!;
  const strategy = (await repo.strategyRows(tx, ctx.tenant.id, item.localPlanId)).find((s) => s.id === item.strategyId)!;
  return {
    owner: { id: ctx.tenant.id, slug: ctx.tenant.slug, name: ctx.tenant.nameTh },
    localPlan: { name: plan.name, startYear: plan.startYear },
    project: { name: item.project.name, budgetSatang: item.project.budgetSatang },
    jointPlan: { name: item.jointPlan.name, fiscalYear: item.jointPlan.fiscalYear },
    networks: item.networks.map((n) => n.name),
    strategy: strategy.name,
    provinceStrategy: strategy.provinceStrategy,
    programme: strategy.programmes.find((g) => g.id === item.programmeId)?.name ?? '',
    objective: item.objective,
    target: item.target,
    kpi: item.kpi,
    expectedResult: item.expectedResult,
    responsibleUnit: item.responsibleUnit,
    shares: item.shares,
    totalSatang: item.totalSatang,
  };
}

export const assignmentPayload = (item: IntegratedProject, content: SharedContent): AssignmentPayload => ({
  removed: false,
  content,
  initial: {
    status: item.status,
    edition: item.edition
      ? { kind: item.edition.kind, number: item.edition.number, approvedOn: item.edition.approvedOn, approvingAct: item.edition.approvingAct }
      : null,
    dropReason: item.dropReason,
  },
});

/** After an assignment changed: the whole state of every linked carrier, and a removal for linked carriers taken off. */
export async function enqueueAssignments(tx: Tx, ctx: TenantContext, current: IntegratedProject[], removed: IntegratedProject[]) {
  const targets = await linkedTargets(
    tx,
    ctx.tenant.id,
    [...current, ...removed].map((i) => i.localPlanId),
  );
  for (const item of current) {
    const target = targets.get(item.localPlanId);
    if (target) await enqueue(tx, ctx.tenant.id, target, 'assignment', item.id, assignmentPayload(item, await contentOf(tx, ctx, item)));
  }
  for (const item of removed) {
    const target = targets.get(item.localPlanId);
    if (target) await enqueue(tx, ctx.tenant.id, target, 'assignment', item.id, { removed: true });
  }
}

// ---- the relay ----

interface PendingEvent {
  eventId: string;
  targetTenantId: string;
  kind: EventKind;
  itemId: string;
  seq: number;
  payload: unknown;
}

const systemCtx = (db: Db, tenant: TenantRef, name: string): TenantContext => ({
  db,
  tenant,
  actor: { user: { ...SYSTEM_USER, name }, role: 'system' },
  lang: 'th',
});

async function tenantRef(db: Db, id: string): Promise<TenantRef | null> {
  const [t] = await tenantRefs(db, { id });
  return t ?? null;
}

/**
 * Deliver a sender's pending events, oldest first. Each event is applied in the receiver's own transaction, then
 * marked delivered in the sender's; a crash between the two delivers it again, which the inbox makes harmless.
 * A failure is recorded on the event (attempts, last error) and the event stays pending for the next run.
 */
export async function relayFrom(db: Db, senderId: string, limit = 500): Promise<{ delivered: number; failed: number }> {
  const sender = await tenantRef(db, senderId);
  if (!sender) return { delivered: 0, failed: 0 };
  const pending = await withTenant(db, senderId, (tx) => share.pendingEvents(tx, senderId, limit));
  let delivered = 0;
  let failed = 0;
  for (const e of pending as PendingEvent[]) {
    const mark = (set: { deliveredAt?: Date; lastError: string | null }) => withTenant(db, senderId, (tx) => share.markAttempt(tx, senderId, e.eventId, set));
    try {
      const receiver = await tenantRef(db, e.targetTenantId);
      if (!receiver) throw new Error('receiving tenant is gone');
      await withTenant(db, receiver.id, (tx) => receive(tx, systemCtx(db, receiver, `ระบบ: ${sender.nameTh}`), sender, e));
      await mark({ deliveredAt: new Date(), lastError: null });
      delivered++;
    } catch (err) {
      await mark({ lastError: err instanceof Error ? err.message.slice(0, 500) : String(err) });
      failed++;
    }
  }
  return { delivered, failed };
}

/** Every tenant's pending events (one tenant at a time: the sweep never reads two tenants in one statement). */
export async function relayAll(db: Db) {
  const all = await tenantRefs(db);
  let delivered = 0;
  let failed = 0;
  for (const t of all) {
    const r = await relayFrom(db, t.id);
    delivered += r.delivered;
    failed += r.failed;
  }
  return { delivered, failed };
}

/** Best effort right after a write has committed; what fails here waits for the sweep. */
export async function relaySoon(db: Db, senderId: string) {
  try {
    await relayFrom(db, senderId);
  } catch (err) {
    console.error('local plan outbox relay failed; events stay pending', err);
  }
}

/** Record the event once; apply it only when it is newer than what was applied for the same item. */
async function receive(tx: Tx, ctx: TenantContext, sender: TenantRef, e: PendingEvent) {
  const fresh = await share.recordInbox(tx, {
    tenantId: ctx.tenant.id,
    eventId: e.eventId,
    sourceTenantId: sender.id,
    kind: e.kind,
    itemId: e.itemId,
    seq: e.seq,
    applied: false,
  });
  if (!fresh) return;
  await lock(tx, ctx.tenant.id, `in:${sender.id}:${e.kind}:${e.itemId}`);
  const newest = await share.newestApplied(tx, ctx.tenant.id, sender.id, e.kind, e.itemId);
  if (newest !== null && newest >= e.seq) return;
  const applied = e.kind === 'assignment' ? await applyAssignment(tx, ctx, sender, e) : await applyStatus(tx, ctx, sender, e);
  if (applied) await share.markApplied(tx, ctx.tenant.id, e.eventId);
}

/** At the neighbour: create, refresh or withdraw its copy. The status it recorded itself is kept. */
async function applyAssignment(tx: Tx, ctx: TenantContext, sender: TenantRef, e: PendingEvent) {
  const payload = e.payload as AssignmentPayload;
  const before = await share.sharedCopyForUpdate(tx, ctx.tenant.id, sender.id, e.itemId);
  if (payload.removed) {
    if (!before || before.withdrawn) return true;
    await share.withdrawSharedCopy(tx, ctx.tenant.id, sender.id, e.itemId);
    await audit(tx, ctx, {
      entity: 'shared_local_plan_project',
      entityId: before.id,
      entityLabel: `${sender.nameTh}: ${(before.content as SharedContent).project.name}`,
      action: 'update',
      before: { withdrawn: false },
      after: { withdrawn: true },
    });
    return true;
  }
  const content = sharedContent.parse(payload.content);
  const initial = payload.initial && (payload.initial.edition || ['proposed', 'dropped'].includes(payload.initial.status)) ? payload.initial : null;
  const row = {
    id: await share.upsertSharedCopy(
      tx,
      ctx.tenant.id,
      sender.id,
      e.itemId,
      content,
      initial ? { status: initial.status, edition: initial.edition, dropReason: initial.status === 'dropped' ? (initial.dropReason ?? '-') : null } : null,
    ),
  };
  await audit(tx, ctx, {
    entity: 'shared_local_plan_project',
    entityId: row.id,
    entityLabel: `${sender.nameTh}: ${content.project.name}`,
    action: before ? 'update' : 'create',
    before: before ? { content: before.content, withdrawn: before.withdrawn } : null,
    after: { content, withdrawn: false },
  });
  return true;
}

/**
 * At the owner: the neighbour's status onto the owner's record of that assignment — only when the item's local
 * government is linked to the sending tenant. The edition is found by kind and number in the owner's record of the
 * neighbour's plan, or recorded there as the neighbour gave it.
 */
async function applyStatus(tx: Tx, ctx: TenantContext, sender: TenantRef, e: PendingEvent) {
  const payload = e.payload as StatusPayload;
  const item = await repo.linkedItemForUpdate(tx, ctx.tenant.id, sender.id, e.itemId);
  if (!item) return false;
  let editionId: string | null = null;
  if (payload.edition && payload.status !== 'proposed' && payload.status !== 'dropped') {
    const { kind, number, approvedOn, approvingAct } = payload.edition;
    editionId = await repo.editionIdOrInsert(tx, ctx.tenant.id, item.localPlanId, { kind, number: kind === 'original' ? 0 : number, approvedOn, approvingAct });
  } else if (payload.status === 'dropped') editionId = item.editionId;
  const after = { status: payload.status, editionId, dropReason: payload.status === 'dropped' ? (payload.dropReason ?? '-') : null };
  await repo.setItemStatus(tx, ctx.tenant.id, item.id, after);
  await audit(tx, ctx, {
    entity: 'local_plan_project',
    entityId: item.id,
    entityLabel: `${sender.nameTh}: ${item.name}`,
    action: 'update',
    before: { status: item.status, editionId: item.editionId, dropReason: item.dropReason },
    after: { status: after.status, editionId: after.editionId, dropReason: after.dropReason },
  });
  return true;
}
