import type { z } from 'zod';
import type { IntegrationStatus, LocalGovernmentEntry, SharedProject, sharedStatusInput, tenantLinkInput } from '../../../common/schemas/localplans';
import { sharedContent } from '../../../common/schemas/localplans';
import { tenantRefs } from '../tenants/tenants.repository';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { checkStatusStep, items, listLocalGovernments } from './localplans.service';
import * as repo from './localplans.repository';
import { assignmentPayload, contentOf, enqueue, relaySoon } from './sharing';
import * as share from './sharing.repository';

/** The neighbour's side of docs/decisions/0016: its copies of projects other tenants assigned to it, and its status. */

type Row = share.SharedCopyRow;

const present = (r: Row): SharedProject => ({
  id: r.id,
  content: sharedContent.parse(r.content),
  withdrawn: r.withdrawn,
  status: r.status as IntegrationStatus,
  edition: (r.edition as SharedProject['edition']) ?? null,
  dropReason: r.dropReason,
  updatedAt: r.updatedAt.toISOString(),
});

export function listShared(ctx: TenantContext): Promise<SharedProject[]> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => (await share.sharedCopies(tx, ctx.tenant.id)).map(present));
}

/** One step forward (integrated names the edition of this local government's own plan) or dropped with a reason; travels back to the owner. */
export async function setSharedStatus(ctx: TenantContext, id: string, input: z.output<typeof sharedStatusInput>): Promise<SharedProject> {
  const result = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await share.sharedCopy(tx, ctx.tenant.id, id, true);
    if (!before) throw new AppError('not_found');
    if (before.withdrawn) throw new AppError('conflict', { status: 'assignment_withdrawn' });
    const from = before.status as IntegrationStatus;
    let edition = (before.edition as SharedProject['edition']) ?? null;
    checkStatusStep(from, input);
    const dropReason = input.status === 'dropped' ? (input.dropReason ?? null) : null;
    if (input.status === 'integrated') {
      if (!input.edition) throw new AppError('validation_failed', { edition: 'edition_required' });
      if ((input.edition.kind === 'original') !== (input.edition.number === 0)) throw new AppError('validation_failed', { 'edition.number': 'edition_number' });
      edition = input.edition;
    }
    await share.setSharedCopyStatus(tx, ctx.tenant.id, id, { status: input.status, edition, dropReason });
    await enqueue(tx, ctx.tenant.id, before.sourceTenantId, 'status', before.sourceItemId, { status: input.status, edition, dropReason });
    const content = sharedContent.parse(before.content);
    await audit(tx, ctx, {
      entity: 'shared_local_plan_project',
      entityId: id,
      entityLabel: `${content.owner.name}: ${content.project.name}`,
      action: 'update',
      before: { status: from, edition: before.edition, dropReason: before.dropReason },
      after: { status: input.status, edition, dropReason },
    });
    return present((await share.sharedCopy(tx, ctx.tenant.id, id))!);
  });
  await relaySoon(ctx.db, ctx.tenant.id);
  return result;
}

/**
 * Link a partner local government to the Phakhi tenant it is (or unlink it). What its plans carry is sent to the new
 * tenant at once; a tenant it was linked to before gets a withdrawal of each.
 */
export async function setTenantLink(ctx: TenantContext, partyId: string, input: z.output<typeof tenantLinkInput>): Promise<LocalGovernmentEntry> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    if (!(await repo.isLocalGovernmentParty(tx, ctx.tenant.id, partyId))) throw new AppError('not_found');
    let target: { id: string; slug: string } | null = null;
    if (input.tenantSlug) {
      [target] = await tenantRefs(tx, { slug: input.tenantSlug });
      if (!target || target.id === ctx.tenant.id) throw new AppError('validation_failed', { tenantSlug: 'unknown_tenant' });
    }
    const before = await share.tenantLinkForUpdate(tx, ctx.tenant.id, partyId);
    if ((before?.linkedTenantId ?? null) === (target?.id ?? null)) return;
    if (target) {
      const taken = await share.linkTo(tx, ctx.tenant.id, target.id);
      if (taken && taken.partyId !== partyId) throw new AppError('conflict', { tenantSlug: 'tenant_already_linked' });
    }
    const carried = await repo.itemRows(tx, ctx.tenant.id, ctx.tenant.nameTh, { partyId });
    if (before) for (const item of carried) await enqueue(tx, ctx.tenant.id, before.linkedTenantId, 'assignment', item.id, { removed: true });
    await share.setTenantLinkRow(tx, ctx.tenant.id, partyId, target?.id ?? null);
    if (target) await sendAll(tx, ctx, target.id, partyId);
    await audit(tx, ctx, {
      entity: 'local_plan_tenant_link',
      entityId: partyId,
      entityLabel: carried[0]?.lgName ?? null,
      action: 'update',
      before: { linkedTenantId: before?.linkedTenantId ?? null },
      after: { linkedTenantId: target?.id ?? null },
    });
  });
  await relaySoon(ctx.db, ctx.tenant.id);
  return (await listLocalGovernments(ctx)).find((l) => l.partyId === partyId)!;
}

/** The whole state of every assignment of a local government's plans, for a tenant newly linked to it. */
async function sendAll(tx: Tx, ctx: TenantContext, target: string, partyId: string) {
  for (const item of await items(tx, ctx, { partyId }))
    await enqueue(tx, ctx.tenant.id, target, 'assignment', item.id, assignmentPayload(item, await contentOf(tx, ctx, item)));
}
