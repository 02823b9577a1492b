import type { z } from 'zod';
import type {
  assignmentsInput,
  Board,
  Edition,
  editionCreate,
  IntegratedProject,
  IntegrationStatus,
  LocalGovernment,
  localPlanCreate,
  LocalGovernmentEntry,
  LocalPlanDetail,
  localPlanUpdate,
  programmeUpdate,
  strategyUpdate,
  LocalPlanSummary,
  programmeCreate,
  statusInput,
  strategyCreate,
} from '../../../common/schemas/localplans';
import { PLAN_YEARS } from '../../../common/schemas/localplans';
import { withUpdates } from '../../../common/objects';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { projectBudgets } from '../plans/plans.repository';
import * as repo from './localplans.repository';
import { enqueueAssignments, linkedTargets, relaySoon } from './sharing';

const lg = (partyId: string | null, name: string): LocalGovernment => ({ partyId, name });

const presentPlan = (r: repo.LocalPlanRow): LocalPlanSummary => ({
  id: r.id,
  name: r.name,
  localGovernment: lg(r.partyId, r.lgName),
  startYear: r.startYear,
  endYear: r.startYear + PLAN_YEARS - 1,
  editionCount: r.editionCount,
  projectCount: r.projectCount,
  budgetSatang: Number(r.budget),
  linkedTenant: r.linkedSlug ? { slug: r.linkedSlug, name: r.linkedName! } : null,
});

const presentEdition = (e: repo.EditionRow): Edition => ({
  id: e.id,
  kind: e.kind,
  number: e.number,
  approvedOn: e.approvedOn,
  approvingAct: e.approvingAct,
});

function presentItem(r: repo.ItemRow, budgets: Map<string, number>): IntegratedProject {
  const shares = r.shares.map((s) => ({ year: s.year, budgetSatang: Number(s.budgetSatang) }));
  return {
    id: r.id,
    localPlanId: r.localPlanId,
    localGovernment: lg(r.partyId, r.lgName),
    project: { id: r.projectId, name: r.projectName, budgetSatang: budgets.get(r.projectId) ?? 0 },
    jointPlan: { id: r.planId, name: r.planName, fiscalYear: r.fiscalYear },
    networks: r.networks,
    strategyId: r.strategyId,
    programmeId: r.programmeId,
    objective: r.objective,
    target: r.target,
    kpi: r.kpi,
    expectedResult: r.expectedResult,
    responsibleUnit: r.responsibleUnit,
    status: r.status,
    edition: r.edition ? presentEdition(r.edition) : null,
    dropReason: r.dropReason,
    shares,
    totalSatang: shares.reduce((s, x) => s + x.budgetSatang, 0),
  };
}

export async function items(tx: Tx, ctx: TenantContext, filter: repo.ItemFilter) {
  const found = await repo.itemRows(tx, ctx.tenant.id, ctx.tenant.nameTh, filter);
  const budgets = await projectBudgets(tx, ctx.tenant.id, [...new Set(found.map((r) => r.projectId))]);
  return found.map((r) => presentItem(r, budgets));
}

/** The local governments that can have a plan here: this one, then partner organisations of type local government (and the tenant each is, if linked). */
export function listLocalGovernments(ctx: TenantContext): Promise<LocalGovernmentEntry[]> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => [
    { ...lg(null, ctx.tenant.nameTh), linkedTenant: null },
    ...(await repo.localGovernmentParties(tx, ctx.tenant.id)).map((p) => ({
      ...lg(p.id, p.name),
      linkedTenant: p.linkedSlug ? { slug: p.linkedSlug, name: p.linkedName! } : null,
    })),
  ]);
}

export function listLocalPlans(ctx: TenantContext): Promise<LocalPlanSummary[]> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => (await repo.localPlanRows(tx, ctx.tenant.id, ctx.tenant.nameTh)).map(presentPlan));
}

export async function loadDetail(tx: Tx, ctx: TenantContext, id: string): Promise<LocalPlanDetail> {
  const [row] = await repo.localPlanRows(tx, ctx.tenant.id, ctx.tenant.nameTh, { id });
  if (!row) throw new AppError('not_found');
  const strategies = await repo.strategyRows(tx, ctx.tenant.id, id);
  const editions = await repo.editionRows(tx, ctx.tenant.id, id);
  return {
    ...presentPlan(row),
    strategies: strategies.map((s) => ({ id: s.id, position: s.position, name: s.name, provinceStrategy: s.provinceStrategy, programmes: s.programmes })),
    editions: editions.map(presentEdition),
    projects: await items(tx, ctx, { localPlanId: id }),
  };
}

export const getLocalPlan = (ctx: TenantContext, id: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadDetail(tx, ctx, id));

async function insertStrategy(tx: Tx, ctx: TenantContext, localPlanId: string, position: number, s: z.output<typeof strategyCreate>) {
  return repo.insertStrategyWithProgrammes(tx, ctx.tenant.id, localPlanId, position, { ...s, provinceStrategy: s.provinceStrategy ?? null });
}

export function createLocalPlan(ctx: TenantContext, input: z.output<typeof localPlanCreate>): Promise<LocalPlanDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    if (input.partyId && !(await repo.isLocalGovernmentParty(tx, ctx.tenant.id, input.partyId)))
      throw new AppError('validation_failed', { partyId: 'not_local_government' });
    const clash = await repo.localPlanRows(tx, ctx.tenant.id, ctx.tenant.nameTh, { partyId: input.partyId, startYear: input.startYear });
    if (clash.length) throw new AppError('conflict', { startYear: 'local_plan_exists' });
    const name = input.name ?? `แผนพัฒนาท้องถิ่น (พ.ศ. ${input.startYear}–${input.startYear + PLAN_YEARS - 1})`;
    const row = await repo.insertLocalPlan(tx, { tenantId: ctx.tenant.id, partyId: input.partyId, startYear: input.startYear, name });
    for (const [i, s] of input.strategies.entries()) await insertStrategy(tx, ctx, row.id, i + 1, s);
    const detail = await loadDetail(tx, ctx, row.id);
    await audit(tx, ctx, {
      entity: 'local_plan',
      entityId: row.id,
      entityLabel: `${detail.localGovernment.name}: ${name}`,
      action: 'create',
      after: { partyId: input.partyId, startYear: input.startYear, name, strategies: input.strategies },
    });
    return detail;
  });
}

async function lockPlan(tx: Tx, ctx: TenantContext, id: string) {
  const row = await repo.localPlanForUpdate(tx, ctx.tenant.id, id);
  if (!row) throw new AppError('not_found');
  return row;
}

export function addStrategy(ctx: TenantContext, id: string, input: z.output<typeof strategyCreate>): Promise<LocalPlanDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await lockPlan(tx, ctx, id);
    const position = (await repo.strategyRows(tx, ctx.tenant.id, id)).length + 1;
    const row = await insertStrategy(tx, ctx, id, position, input);
    await audit(tx, ctx, { entity: 'local_plan_strategy', entityId: row.id, entityLabel: `${plan.name}: ${input.name}`, action: 'create', after: input });
    return loadDetail(tx, ctx, id);
  });
}

export function addProgramme(ctx: TenantContext, id: string, strategyId: string, input: z.output<typeof programmeCreate>): Promise<LocalPlanDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await lockPlan(tx, ctx, id);
    const strategy = (await repo.strategyRows(tx, ctx.tenant.id, id)).find((s) => s.id === strategyId);
    if (!strategy) throw new AppError('not_found');
    const row = await repo.insertProgramme(tx, ctx.tenant.id, strategyId, strategy.programmes.length + 1, input.name);
    await audit(tx, ctx, { entity: 'local_plan_programme', entityId: row.id, entityLabel: `${strategy.name}: ${input.name}`, action: 'create', after: input });
    return loadDetail(tx, ctx, id);
  });
}

export function updateLocalPlan(ctx: TenantContext, id: string, input: z.output<typeof localPlanUpdate>): Promise<LocalPlanDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await lockPlan(tx, ctx, id);
    await repo.renameLocalPlan(tx, ctx.tenant.id, id, input.name);
    await audit(tx, ctx, {
      entity: 'local_plan',
      entityId: id,
      entityLabel: input.name,
      action: 'update',
      before: { name: plan.name },
      after: { name: input.name },
    });
    return loadDetail(tx, ctx, id);
  });
}

export function updateStrategy(ctx: TenantContext, id: string, strategyId: string, input: z.output<typeof strategyUpdate>): Promise<LocalPlanDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await lockPlan(tx, ctx, id);
    const before = await repo.strategyOfPlan(tx, ctx.tenant.id, id, strategyId);
    if (!before) throw new AppError('not_found');
    const set = withUpdates(before, input, ['name', 'provinceStrategy']);
    await repo.updateStrategyRow(tx, ctx.tenant.id, strategyId, set);
    await audit(tx, ctx, {
      entity: 'local_plan_strategy',
      entityId: strategyId,
      entityLabel: set.name,
      action: 'update',
      before: { name: before.name, provinceStrategy: before.provinceStrategy },
      after: set,
    });
    return loadDetail(tx, ctx, id);
  });
}

export function updateProgramme(ctx: TenantContext, id: string, programmeId: string, input: z.output<typeof programmeUpdate>): Promise<LocalPlanDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await lockPlan(tx, ctx, id);
    const strategy = (await repo.strategyRows(tx, ctx.tenant.id, id)).find((s) => s.programmes.some((g) => g.id === programmeId));
    const before = strategy?.programmes.find((g) => g.id === programmeId);
    if (!before) throw new AppError('not_found');
    await repo.renameProgramme(tx, ctx.tenant.id, programmeId, input.name);
    await audit(tx, ctx, {
      entity: 'local_plan_programme',
      entityId: programmeId,
      entityLabel: `${strategy!.name}: ${input.name}`,
      action: 'update',
      before: { name: before.name },
      after: { name: input.name },
    });
    return loadDetail(tx, ctx, id);
  });
}

/** Editions are numbered per kind: เพิ่มเติม ครั้งที่ 1, 2, …; เปลี่ยนแปลง ครั้งที่ 1, 2, …; one original. */
export function addEdition(ctx: TenantContext, id: string, input: z.output<typeof editionCreate>): Promise<LocalPlanDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await lockPlan(tx, ctx, id);
    const editions = await repo.editionRows(tx, ctx.tenant.id, id);
    const original = editions.find((e) => e.kind === 'original');
    if (input.kind === 'original' && original) throw new AppError('conflict', { kind: 'original_exists' });
    if (input.kind !== 'original' && !original) throw new AppError('validation_failed', { kind: 'original_first' });
    if (original && input.approvedOn < original.approvedOn) throw new AppError('validation_failed', { approvedOn: 'before_original' });
    const number = input.kind === 'original' ? 0 : editions.filter((e) => e.kind === input.kind).length + 1;
    const row = await repo.insertEdition(tx, { tenantId: ctx.tenant.id, localPlanId: id, number, ...input });
    await audit(tx, ctx, { entity: 'local_plan_edition', entityId: row.id, entityLabel: plan.name, action: 'create', after: { ...input, number } });
    return loadDetail(tx, ctx, id);
  });
}

const yearsOf = (startYear: number) => Array.from({ length: PLAN_YEARS }, (_, i) => startYear + i);

/**
 * Assign a joint project to the local governments that carry it, all at once: each one's programme, texts and
 * yearly shares. Together the shares must make the project's budget. A carrier left out is removed unless it
 * already went further than proposed.
 */
export async function setAssignments(ctx: TenantContext, projectId: string, input: z.output<typeof assignmentsInput>): Promise<IntegratedProject[]> {
  const result = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const project = await repo.planProjectForUpdate(tx, ctx.tenant.id, projectId);
    if (!project) throw new AppError('not_found');
    const budget = (await projectBudgets(tx, ctx.tenant.id, [projectId])).get(projectId) ?? 0;
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    let total = 0;
    for (const [i, a] of input.assignments.entries()) {
      if (seen.has(a.localPlanId)) fields[`assignments.${i}.localPlanId`] = 'duplicate_local_plan';
      seen.add(a.localPlanId);
      const plan = await repo.localPlanById(tx, ctx.tenant.id, a.localPlanId);
      if (!plan) {
        fields[`assignments.${i}.localPlanId`] = 'unknown_local_plan';
        continue;
      }
      const strategies = await repo.strategyRows(tx, ctx.tenant.id, plan.id);
      if (!strategies.some((s) => s.programmes.some((g) => g.id === a.programmeId))) fields[`assignments.${i}.programmeId`] = 'unknown_programme';
      const years = yearsOf(plan.startYear);
      const shareYears = new Set<number>();
      for (const [j, s] of a.shares.entries()) {
        if (!years.includes(s.year)) fields[`assignments.${i}.shares.${j}.year`] = 'year_outside_plan';
        else if (shareYears.has(s.year)) fields[`assignments.${i}.shares.${j}.year`] = 'duplicate_year';
        shareYears.add(s.year);
        total += s.budgetSatang;
      }
    }
    if (!Object.keys(fields).length && input.assignments.length && total !== budget) fields.assignments = 'shares_must_add_up';
    refuseFields(fields);

    const before = await items(tx, ctx, { projectId });
    const keep = new Set(input.assignments.map((a) => a.localPlanId));
    for (const gone of before.filter((b) => !keep.has(b.localPlanId))) {
      if (gone.status !== 'proposed') throw new AppError('conflict', { assignments: 'assignment_in_progress' });
      await repo.deleteItem(tx, ctx.tenant.id, gone.id);
    }
    for (const a of input.assignments) {
      const texts = {
        programmeId: a.programmeId,
        objective: a.objective ?? project.objectives,
        target: a.target ?? project.outputTarget,
        kpi: a.kpi ?? project.indicatorText,
        expectedResult: a.expectedResult ?? null,
        responsibleUnit: a.responsibleUnit ?? null,
      };
      await repo.upsertAssignment(tx, ctx.tenant.id, a.localPlanId, projectId, texts, a.shares);
    }
    const after = await items(tx, ctx, { projectId });
    // linked neighbours get the new state through the outbox, written in this transaction
    await enqueueAssignments(
      tx,
      ctx,
      after,
      before.filter((b) => !keep.has(b.localPlanId)),
    );
    const snapshot = (list: IntegratedProject[]) =>
      Object.fromEntries(
        list.map((x) => [
          x.localGovernment.name,
          {
            programmeId: x.programmeId,
            shares: x.shares,
            objective: x.objective,
            target: x.target,
            kpi: x.kpi,
            expectedResult: x.expectedResult,
            responsibleUnit: x.responsibleUnit,
          },
        ]),
      );
    await audit(tx, ctx, {
      entity: 'local_plan_assignment',
      entityId: projectId,
      entityLabel: project.name,
      action: 'update',
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
  await relaySoon(ctx.db, ctx.tenant.id);
  return result;
}

const NEXT: Record<IntegrationStatus, IntegrationStatus | null> = {
  proposed: 'integrated',
  integrated: 'in_budget',
  in_budget: 'done',
  done: null,
  dropped: null,
};

/** The status rule the owner and a linked neighbour (sharing.service) both keep: one step forward at a time, or dropped with a reason from any open status. */
export function checkStatusStep(from: IntegrationStatus, input: { status: IntegrationStatus; dropReason?: string | null }): void {
  if (input.status === 'dropped') {
    if (from === 'done' || from === 'dropped') throw new AppError('conflict', { status: 'status_order' });
    if (!input.dropReason || input.dropReason.length < 3) throw new AppError('validation_failed', { dropReason: 'reason_required' });
  } else if (NEXT[from] !== input.status) throw new AppError('conflict', { status: 'status_order' });
}

/** One step forward at a time (integrated needs the edition), or dropped with a reason from any open status. */
export function setStatus(ctx: TenantContext, id: string, itemId: string, input: z.output<typeof statusInput>): Promise<IntegratedProject> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await lockPlan(tx, ctx, id);
    const [before] = await items(tx, ctx, { localPlanId: id, id: itemId });
    if (!before) throw new AppError('not_found');
    // a neighbour that is itself a tenant records its own status (it arrives here through the outbox)
    if ((await linkedTargets(tx, ctx.tenant.id, [id])).size) throw new AppError('conflict', { status: 'status_kept_by_neighbour' });
    checkStatusStep(before.status, input);
    const set: Parameters<typeof repo.updateItem>[3] = { status: input.status, updatedAt: new Date() };
    if (input.status === 'dropped') set.dropReason = input.dropReason;
    else if (input.status === 'integrated') {
      if (!input.editionId) throw new AppError('validation_failed', { editionId: 'edition_required' });
      const [e] = await repo.editionRows(tx, ctx.tenant.id, id, input.editionId);
      if (!e) throw new AppError('validation_failed', { editionId: 'unknown_edition' });
      set.editionId = e.id;
    }
    await repo.updateItem(tx, ctx.tenant.id, itemId, set);
    const [after] = await items(tx, ctx, { id: itemId });
    await audit(tx, ctx, {
      entity: 'local_plan_project',
      entityId: itemId,
      entityLabel: `${after.localGovernment.name}: ${after.project.name}`,
      action: 'update',
      before: { status: before.status, editionId: before.edition?.id ?? null, dropReason: before.dropReason },
      after: { status: after.status, editionId: after.edition?.id ?? null, dropReason: after.dropReason },
    });
    return after;
  });
}

/** A joint plan's projects × the local governments that carry them, and what each one carries in total. */
export function getBoard(ctx: TenantContext, planId: string): Promise<Board> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await repo.jointPlan(tx, ctx.tenant.id, planId);
    if (!plan) throw new AppError('not_found');
    const projects = await repo.jointPlanProjects(tx, ctx.tenant.id, planId);
    const budgets = await projectBudgets(
      tx,
      ctx.tenant.id,
      projects.map((p) => p.id),
    );
    const assigned = await items(tx, ctx, { planId });
    const localPlanList = (await repo.localPlanRows(tx, ctx.tenant.id, ctx.tenant.nameTh)).map(presentPlan);
    const carried = localPlanList
      .map((lp) => {
        const mine = assigned.filter((a) => a.localPlanId === lp.id && a.status !== 'dropped');
        return {
          localPlanId: lp.id,
          localGovernment: lp.localGovernment,
          projectCount: mine.length,
          budgetSatang: mine.reduce((s, a) => s + a.totalSatang, 0),
        };
      })
      .filter((c) => c.projectCount > 0);
    return {
      plan: { id: plan.id, name: plan.name, fiscalYear: plan.fiscalYear },
      localPlans: localPlanList,
      projects: projects.map((p) => ({ ...p, budgetSatang: budgets.get(p.id) ?? 0, assignments: assigned.filter((a) => a.project.id === p.id) })),
      carried,
    };
  });
}

/** What an export needs: the plan and the rows of one edition (or every row not dropped). */
export function exportData(ctx: TenantContext, id: string, editionId?: string) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const detail = await loadDetail(tx, ctx, id);
    const edition = editionId ? detail.editions.find((e) => e.id === editionId) : undefined;
    if (editionId && !edition) throw new AppError('validation_failed', { edition: 'unknown_edition' });
    const rows = detail.projects.filter((p) => p.status !== 'dropped' && (!edition || p.edition?.id === edition.id));
    return { detail, edition: edition ?? null, rows };
  });
}
