import type { z } from 'zod';
import type {
  communityVoteInput,
  draftCreate,
  Fine,
  PublicRegulations,
  RegulationDetail,
  regulationCreate,
  RegulationSummary,
  VersionContent,
  VersionDetail,
  VersionDiff,
  VersionSummary,
} from '../../../common/schemas/regulations';
import { audit } from '../../platform/audit';
import { SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import { withTenant, type Db, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { todayInThailand } from '../../platform/today';
import { refs as resolutionRefs } from '../committees/resolutions.service';

import { diffClauses, diffFines } from './diff';
import * as repo from './regulations.repository';
import { existingNetworkIds } from '../networks/networks.repository';

type Lang = TenantContext['lang'];

function adoptionLabel(v: repo.VersionRow, labels: Map<string, string>, lang: Lang): string {
  if (v.adoptionKind === 'resolution') return labels.get(v.resolutionId!) ?? '';
  const votes = `${v.votesFor ?? 0}/${v.votesAgainst ?? 0}/${v.votesAbstain ?? 0}`;
  return lang === 'en'
    ? `Community vote (for/against/abstain ${votes}): ${v.voteNote ?? ''}`
    : `มติประชาคม (เห็นชอบ/ไม่เห็นชอบ/งดออกเสียง ${votes}) ${v.voteNote ?? ''}`;
}

/** Labels (มติคณะกรรมการ… ครั้งที่ n/ปี ข้อ k) of the resolutions that adopted these versions. */
async function labelsOf(tx: Tx, ctx: TenantContext, vs: repo.VersionRow[]) {
  const ids = vs.flatMap((v) => (v.resolutionId ? [v.resolutionId] : []));
  const found = await resolutionRefs(tx, ctx, ids);
  return {
    labels: new Map([...found].map(([id, r]) => [id, r.label])),
    meetings: new Map([...found].map(([id, r]) => [id, r.meetingId])),
  };
}

/** Which of these versions is in force on `on` (per regulation). */
function inForceIds(vs: repo.VersionRow[], on: string): Set<string> {
  const best = new Map<string, repo.VersionRow>();
  for (const v of vs) {
    if (v.status !== 'adopted' || !v.effectiveFrom || v.effectiveFrom > on) continue;
    const b = best.get(v.regulationId);
    if (!b || v.effectiveFrom > b.effectiveFrom! || (v.effectiveFrom === b.effectiveFrom && v.number > b.number)) best.set(v.regulationId, v);
  }
  return new Set([...best.values()].map((v) => v.id));
}

function presentVersion(v: repo.VersionRow, l: Awaited<ReturnType<typeof labelsOf>>, inForce: Set<string>, lang: Lang): VersionSummary {
  const res = v.resolutionVotes;
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    title: v.title,
    effectiveFrom: v.effectiveFrom,
    changeNote: v.changeNote,
    inForce: inForce.has(v.id),
    adoption:
      v.status === 'adopted'
        ? {
            kind: v.adoptionKind!,
            adoptedOn: v.adoptedOn!,
            label: adoptionLabel(v, l.labels, lang),
            resolutionId: v.resolutionId,
            meetingId: v.resolutionId ? (l.meetings.get(v.resolutionId) ?? null) : null,
            votesFor: res ? res.for : (v.votesFor ?? 0),
            votesAgainst: res ? res.against : (v.votesAgainst ?? 0),
            votesAbstain: res ? res.abstain : (v.votesAbstain ?? 0),
          }
        : null,
  };
}

const presentFine = (f: repo.FineRow): Fine => ({
  id: f.id,
  clauseId: f.clauseId,
  clauseNumber: f.clauseNumber,
  offence: f.offence,
  amountSatang: Number(f.amountSatang),
  repeatAmountSatang: f.repeatAmountSatang === null ? null : Number(f.repeatAmountSatang),
});

export function chaptersOf(clauses: repo.ClauseRow[]) {
  const out: VersionDetail['chapters'] = [];
  for (const c of clauses) {
    let ch = out.find((x) => x.number === c.chapterNumber);
    if (!ch) out.push((ch = { number: c.chapterNumber, title: c.chapterTitle, clauses: [] }));
    ch.clauses.push({ id: c.id, number: c.number, text: c.text });
  }
  return out;
}

async function loadVersions(tx: Tx, ctx: TenantContext, filter: repo.VersionFilter, on = todayInThailand()) {
  const vs = await repo.versionRows(tx, ctx.tenant.id, filter);
  const l = await labelsOf(tx, ctx, vs);
  // in force is decided among all versions of the regulations concerned
  const regIds = [...new Set(vs.map((v) => v.regulationId))];
  const all = await repo.versionRows(tx, ctx.tenant.id, { regulationIds: regIds });
  const inForce = inForceIds(all, on);
  return vs.map((v) => ({ row: v, summary: presentVersion(v, l, inForce, ctx.lang) }));
}

async function versionDetails(tx: Tx, ctx: TenantContext, filter: repo.VersionFilter): Promise<VersionDetail[]> {
  const vs = await loadVersions(tx, ctx, filter);
  const ids = vs.map((v) => v.row.id);
  const clauses = await repo.clauseRows(tx, ctx.tenant.id, ids);
  const fines = await repo.fineRows(tx, ctx.tenant.id, ids);
  return vs.map(({ row, summary }) => ({
    ...summary,
    regulationId: row.regulationId,
    preamble: row.preamble,
    chapters: chaptersOf(clauses.filter((c) => c.versionId === row.id)),
    fines: fines.filter((f) => f.versionId === row.id).map(presentFine),
  }));
}

async function loadVersion(tx: Tx, ctx: TenantContext, regulationId: string, versionId: string): Promise<VersionDetail> {
  const [v] = await versionDetails(tx, ctx, { regulationId, ids: [versionId] });
  if (!v) throw new AppError('not_found');
  return v;
}

async function loadRegulation(tx: Tx, ctx: TenantContext, id: string): Promise<RegulationDetail> {
  const [r] = await repo.regulationRows(tx, ctx.tenant.id, id);
  if (!r) throw new AppError('not_found');
  const versions = (await loadVersions(tx, ctx, { regulationId: id })).map((v) => v.summary);
  return presentRegulation(r, versions);
}

function presentRegulation(r: repo.RegulationRow, versions: VersionSummary[]): RegulationDetail {
  return {
    id: r.id,
    subject: r.subject,
    title: r.title,
    network: r.networkId ? { id: r.networkId, name: r.networkName ?? '' } : null,
    versionCount: r.versionCount,
    draftCount: r.draftCount,
    inForceVersion: versions.find((v) => v.inForce)?.number ?? null,
    versions,
  };
}

export function listRegulations(ctx: TenantContext): Promise<RegulationSummary[]> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const rs = await repo.regulationRows(tx, ctx.tenant.id);
    const vs = (await loadVersions(tx, ctx, {})).map((v) => ({ ...v.summary, regulationId: v.row.regulationId }));
    return rs.map((r) => {
      const { versions: _v, ...summary } = presentRegulation(
        r,
        vs.filter((v) => v.regulationId === r.id),
      );
      return summary;
    });
  });
}

export const getRegulation = (ctx: TenantContext, id: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadRegulation(tx, ctx, id));
export const getVersion = (ctx: TenantContext, id: string, versionId: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadVersion(tx, ctx, id, versionId));

/** Chapter and clause numbers unique, every fine pointing to a clause of the same version; field keys point to the culprit. */
function checkContent(c: VersionContent) {
  const fields: Record<string, string> = {};
  const chapters = new Set<number>();
  const clauses = new Set<string>();
  c.chapters.forEach((ch, i) => {
    if (chapters.has(ch.number)) fields[`chapters.${i}.number`] = 'duplicate_chapter';
    chapters.add(ch.number);
    ch.clauses.forEach((cl, j) => {
      if (clauses.has(cl.number)) fields[`chapters.${i}.clauses.${j}.number`] = 'duplicate_clause';
      clauses.add(cl.number);
    });
  });
  c.fines.forEach((f, i) => {
    if (!clauses.has(f.clauseNumber)) fields[`fines.${i}.clauseNumber`] = 'unknown_clause';
  });
  refuseFields(fields);
}

/** Chapters, clauses and fines of a version, in three bulk inserts. */
async function writeContent(tx: Tx, tenantId: string, versionId: string, c: VersionContent) {
  await repo.insertContent(tx, tenantId, versionId, c);
}

async function insertVersion(tx: Tx, ctx: TenantContext, regulationId: string, number: number, c: VersionContent) {
  checkContent(c);
  const id = await repo.insertVersionRow(tx, {
    tenantId: ctx.tenant.id,
    regulationId,
    number,
    title: c.title,
    preamble: c.preamble,
    effectiveFrom: c.effectiveFrom,
    changeNote: c.changeNote,
  });
  await writeContent(tx, ctx.tenant.id, id, c);
  return id;
}

export function createRegulation(ctx: TenantContext, input: z.output<typeof regulationCreate>): Promise<RegulationDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    if (input.networkId) {
      if (!(await existingNetworkIds(tx, ctx.tenant.id, [input.networkId])).size) throw new AppError('validation_failed', { networkId: 'unknown_network' });
    }
    const reg = { id: await repo.insertRegulation(tx, { tenantId: ctx.tenant.id, subject: input.subject, networkId: input.networkId }) };
    const versionId = await insertVersion(tx, ctx, reg.id, 1, input.draft);
    await audit(tx, ctx, {
      entity: 'regulation',
      entityId: reg.id,
      entityLabel: input.draft.title,
      action: 'create',
      after: { subject: input.subject, networkId: input.networkId, versionId, title: input.draft.title },
    });
    return loadRegulation(tx, ctx, reg.id);
  });
}

async function lockRegulation(tx: Tx, ctx: TenantContext, id: string) {
  const row = await repo.regulationForUpdate(tx, ctx.tenant.id, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** The content of a stored version, as input for a new draft. */
function asContent(v: VersionDetail): VersionContent {
  return {
    title: v.title,
    preamble: v.preamble,
    effectiveFrom: null,
    changeNote: null,
    chapters: v.chapters.map((ch) => ({ number: ch.number, title: ch.title, clauses: ch.clauses.map((c) => ({ number: c.number, text: c.text })) })),
    fines: v.fines.map((f) => ({ clauseNumber: f.clauseNumber, offence: f.offence, amountSatang: f.amountSatang, repeatAmountSatang: f.repeatAmountSatang })),
  };
}

/** A new draft (next number): given content, or a copy of an earlier version of the same regulation to amend. */
export function createDraft(ctx: TenantContext, id: string, input: z.output<typeof draftCreate>): Promise<VersionDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await lockRegulation(tx, ctx, id);
    let content: VersionContent;
    if ('fromVersionId' in input) {
      const [from] = await versionDetails(tx, ctx, { regulationId: id, ids: [input.fromVersionId] });
      if (!from) throw new AppError('validation_failed', { fromVersionId: 'unknown_version' });
      content = asContent(from);
    } else content = input;
    const n = await repo.nextVersionNumber(tx, ctx.tenant.id, id);
    const versionId = await insertVersion(tx, ctx, id, n, content);
    await audit(tx, ctx, {
      entity: 'regulation_version',
      entityId: versionId,
      entityLabel: `${content.title} (${n})`,
      action: 'create',
      after: { number: n, ...('fromVersionId' in input ? { fromVersionId: input.fromVersionId } : {}) },
    });
    return loadVersion(tx, ctx, id, versionId);
  });
}

async function lockDraft(tx: Tx, ctx: TenantContext, id: string, versionId: string) {
  const v = await repo.versionForUpdate(tx, ctx.tenant.id, id, versionId);
  if (!v) throw new AppError('not_found');
  if (v.status !== 'draft') throw new AppError('conflict', { versionId: 'version_adopted' });
  return v;
}

/** Replace a draft's whole content (adopted versions never change). */
export function updateDraft(ctx: TenantContext, id: string, versionId: string, content: VersionContent): Promise<VersionDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await lockDraft(tx, ctx, id, versionId);
    checkContent(content);
    const old = await loadVersion(tx, ctx, id, versionId);
    await repo.deleteContent(tx, ctx.tenant.id, versionId);
    await repo.updateVersionRow(tx, ctx.tenant.id, versionId, {
      title: content.title,
      preamble: content.preamble,
      effectiveFrom: content.effectiveFrom,
      changeNote: content.changeNote,
      updatedAt: new Date(),
    });
    await writeContent(tx, ctx.tenant.id, versionId, content);
    await audit(tx, ctx, {
      entity: 'regulation_version',
      entityId: versionId,
      entityLabel: `${content.title} (${before.number})`,
      action: 'update',
      before: asContent(old),
      after: content,
    });
    return loadVersion(tx, ctx, id, versionId);
  });
}

/** Adopt a draft by a recorded community vote (ประชาคม); it takes effect on its proposed date or the vote's day, whichever is later. */
export function adoptByVote(ctx: TenantContext, id: string, versionId: string, vote: z.output<typeof communityVoteInput>): Promise<VersionDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const v = await lockDraft(tx, ctx, id, versionId);
    if (vote.votedOn > todayInThailand()) throw new AppError('validation_failed', { votedOn: 'vote_in_future' });
    if (vote.votesFor <= vote.votesAgainst) throw new AppError('validation_failed', { votesFor: 'vote_not_passed' });
    const effectiveFrom = v.effectiveFrom && v.effectiveFrom > vote.votedOn ? v.effectiveFrom : vote.votedOn;
    await repo.updateVersionRow(tx, ctx.tenant.id, versionId, {
      status: 'adopted',
      adoptionKind: 'community_vote',
      adoptedOn: vote.votedOn,
      effectiveFrom,
      votesFor: vote.votesFor,
      votesAgainst: vote.votesAgainst,
      votesAbstain: vote.votesAbstain,
      voteNote: vote.note,
      updatedAt: new Date(),
    });
    await audit(tx, ctx, {
      entity: 'regulation_version',
      entityId: versionId,
      entityLabel: `${v.title} (${v.number})`,
      action: 'update',
      before: { status: 'draft' },
      after: { status: 'adopted', adoptionKind: 'community_vote', effectiveFrom, ...vote },
    });
    return loadVersion(tx, ctx, id, versionId);
  });
}

/** The version in force on a day (today by default); 404 with a field message when none is. */
export function inForceOn(ctx: TenantContext, id: string, on: string | undefined): Promise<VersionDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await loadRegulation(tx, ctx, id);
    const versionId = await repo.versionInForce(tx, ctx.tenant.id, id, on ?? todayInThailand());
    if (!versionId) throw new AppError('not_found', { on: 'no_version_in_force' });
    return loadVersion(tx, ctx, id, versionId);
  });
}

/** The fine schedule of the version in force on a day (for incidents): the version's id and its fines, or null. */
export async function fineScheduleOn(tx: Tx, ctx: TenantContext, regulationId: string, on: string) {
  const versionId = await repo.versionInForce(tx, ctx.tenant.id, regulationId, on);
  if (!versionId) return null;
  return { versionId, fines: (await repo.fineRows(tx, ctx.tenant.id, [versionId])).map(presentFine) };
}

export function diffVersions(ctx: TenantContext, id: string, fromId: string, toId: string): Promise<VersionDiff> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await loadRegulation(tx, ctx, id);
    const found = await versionDetails(tx, ctx, { regulationId: id, ids: [fromId, toId] });
    const from = found.find((v) => v.id === fromId);
    const to = found.find((v) => v.id === toId);
    if (!from || !to) throw new AppError('validation_failed', { [!from ? 'from' : 'to']: 'not_same_regulation' });
    const flat = (v: VersionDetail) => v.chapters.flatMap((ch) => ch.clauses.map((c) => ({ number: c.number, chapter: ch.number, text: c.text })));
    const strip = ({ regulationId: _r, preamble: _p, chapters: _c, fines: _f, ...s }: VersionDetail): VersionSummary => s;
    return { from: strip(from), to: strip(to), clauses: diffClauses(flat(from), flat(to)), fines: diffFines(from.fines, to.fines) };
  });
}

/** Adopted versions of every regulation, the one in force first; no names of people, no drafts. */
export function publicRegulations(db: Db, tenant: TenantRef, lang: Lang): Promise<PublicRegulations> {
  const ctx: TenantContext = { db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang };
  return withTenant(db, tenant.id, async (tx) => {
    const rs = await repo.regulationRows(tx, tenant.id);
    const vs = await versionDetails(tx, ctx, { adoptedOnly: true });
    const items = rs.flatMap((r) =>
      vs
        .filter((v) => v.regulationId === r.id)
        .sort((a, b) => Number(b.inForce) - Number(a.inForce) || b.number - a.number)
        .map((v) => ({
          id: v.id,
          subject: r.subject,
          title: v.title,
          version: v.number,
          effectiveFrom: v.effectiveFrom,
          adoptedOn: v.adoption!.adoptedOn,
          adoptedBy: v.adoption!.label,
          inForce: v.inForce,
          preamble: v.preamble,
          chapters: v.chapters,
          fines: v.fines,
        })),
    );
    return { tenant: { nameTh: tenant.nameTh, nameEn: tenant.nameEn }, items };
  });
}
