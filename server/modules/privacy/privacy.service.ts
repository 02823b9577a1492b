import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { LawfulBasis } from '../../../common/schemas/enums';
import type {
  AccessLogEntry,
  accessLogQuery,
  activityInput,
  activityPatch,
  Consent,
  ConsentMethod,
  consentInput,
  eraseInput,
  noticeInput,
  PersonPrivacy,
  PrivacyNotice,
  ProcessingActivity,
  RetentionSettings,
  retentionInput,
  SubjectExport,
  SubjectSection,
  withdrawInput,
} from '../../../common/schemas/privacy';
import { audit } from '../../platform/audit';
import type { TenantContext, TenantRef } from '../../platform/context';
import { actorUserId, SYSTEM_USER } from '../../platform/context';
import { withTenant, type Db, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { t } from '../../platform/messages';
import { todayInThailand } from '../../platform/today';
import { clearPersonTraces as clearManpowerTraces } from '../manpower/manpower.repository';
import { anonymiseParty } from '../partners/partners.repository';
import { clearPersonNotes as clearParticipationNotes } from '../participation/participation.repository';
import { clearPersonNotes as clearRelationshipNotes } from '../relationships/relationships.repository';
import { clearMemberPlots } from '../water/water.repository';
import { defaultNotice } from './defaults';
import * as repo from './privacy.repository';
import { legalHolds, subjectData } from './subject.repository';
import { givenFields } from '../../../common/objects';

const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

// ------------------------------------------------------------------ consents

const presentConsent = (r: repo.ConsentRow): Consent => ({
  id: r.id,
  partyId: r.partyId,
  purpose: r.purpose,
  lawfulBasis: r.lawfulBasis as LawfulBasis,
  givenOn: r.givenOn,
  method: r.method as ConsentMethod,
  recordedByName: r.recordedByName,
  note: r.note,
  withdrawnOn: r.withdrawnOn,
  withdrawnByName: r.withdrawnByName,
  withdrawalNote: r.withdrawalNote,
  createdAt: iso(r.createdAt)!,
});

async function person(tx: Tx, ctx: TenantContext, partyId: string) {
  const p = await repo.partyKindName(tx, ctx.tenant.id, partyId);
  if (!p) throw new AppError('not_found');
  return p;
}

/** A person's consents (all of them, withdrawn ones too), erasure state and how often their contacts were shown. */
export function personPrivacy(ctx: TenantContext, partyId: string): Promise<PersonPrivacy> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const p = await person(tx, ctx, partyId);
    const erased = await repo.erasureOf(tx, ctx.tenant.id, partyId);
    return {
      partyId,
      name: p.name,
      isPerson: p.kind === 'person',
      erased: erased && {
        reason: erased.reason as 'request' | 'retention',
        note: erased.note,
        erasedByName: erased.erasedByName,
        erasedAt: iso(erased.erasedAt)!,
      },
      consents: (await repo.consentsOf(tx, ctx.tenant.id, partyId)).map(presentConsent),
      accessCount: await repo.countAccess(tx, ctx.tenant.id, partyId),
    };
  });
}

export function recordConsent(ctx: TenantContext, partyId: string, input: z.output<typeof consentInput>): Promise<Consent> {
  if (input.givenOn > todayInThailand()) throw new AppError('validation_failed', { givenOn: 'consent_in_future' });
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const p = await person(tx, ctx, partyId);
    if (p.kind !== 'person') throw new AppError('validation_failed', { partyId: 'not_a_person' });
    if (await repo.erasureOf(tx, ctx.tenant.id, partyId)) throw new AppError('conflict', { partyId: 'already_erased' });
    const row = await repo.insertConsent(tx, {
      tenantId: ctx.tenant.id,
      partyId,
      purpose: input.purpose,
      lawfulBasis: input.lawfulBasis,
      givenOn: input.givenOn,
      method: input.method,
      note: input.note ?? null,
      recordedByUserId: actorUserId(ctx),
      recordedByName: ctx.actor.user.name,
    });
    const { tenantId: _t, createdAt: _c, recordedByUserId: _u, ...after } = row;
    await audit(tx, ctx, { entity: 'privacy_consent', entityId: row.id, entityLabel: row.purpose, action: 'create', after });
    return presentConsent(row);
  });
}

/** A withdrawal is added to the record, once; the consent stays in the person's history (PDPA section 19 paragraph 5). */
export function withdrawConsent(ctx: TenantContext, consentId: string, input: z.output<typeof withdrawInput>): Promise<Consent> {
  if (input.withdrawnOn > todayInThailand()) throw new AppError('validation_failed', { withdrawnOn: 'withdrawal_in_future' });
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const c = await repo.getConsent(tx, ctx.tenant.id, consentId);
    if (!c) throw new AppError('not_found');
    if (c.withdrawnOn) throw new AppError('conflict', { withdrawnOn: 'consent_withdrawn_already' });
    if (input.withdrawnOn < c.givenOn) throw new AppError('validation_failed', { withdrawnOn: 'withdrawal_before_given' });
    const row = await repo.withdrawConsent(tx, ctx.tenant.id, consentId, input.withdrawnOn, ctx.actor.user.name, input.note ?? null);
    await audit(tx, ctx, {
      entity: 'privacy_consent',
      entityId: row.id,
      entityLabel: row.purpose,
      action: 'withdraw',
      before: { withdrawnOn: null },
      after: { withdrawnOn: row.withdrawnOn, withdrawnByName: row.withdrawnByName, withdrawalNote: row.withdrawalNote },
    });
    return presentConsent(row);
  });
}

// ------------------------------------------------------------------ data-subject export

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** Everything about one person (PDPA sections 30–31), for officers and admins; the export itself is audited. */
export function exportSubject(ctx: TenantContext, partyId: string, format: 'json' | 'xlsx'): Promise<SubjectExport> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const p = await person(tx, ctx, partyId);
    if (p.kind !== 'person') throw new AppError('validation_failed', { partyId: 'not_a_person' });
    const data = await subjectData(tx, ctx.tenant.id, partyId);
    const sections = plain(data) as Record<SubjectSection, Record<string, unknown>[]>;
    const counts = Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v.length]));
    await audit(tx, ctx, { entity: 'party', entityId: partyId, entityLabel: p.name, action: 'export', after: { format, ...counts } });
    return { exportedAt: new Date().toISOString(), tenant: ctx.tenant.nameTh, partyId, sections };
  });
}

// ------------------------------------------------------------------ erasure

export const erasedLabel = (partyId: string) => `ผู้ถูกลบข้อมูล ${partyId.slice(0, 8)}`;

/**
 * Anonymise one person in place (the caller holds the transaction and has checked the holds): the party row keeps its
 * id, kind, sector, pillar, district and province, so the ledger (which names parties by id and is never touched),
 * memberships, hours and participation keep counting; the name becomes a label, contacts and notes go, the audit log's
 * values about them are replaced.
 */
async function anonymise(tx: Tx, ctx: TenantContext, partyId: string, oldName: string, reason: 'request' | 'retention', note: string | null) {
  const label = erasedLabel(partyId);
  await anonymiseParty(tx, ctx.tenant.id, partyId, label);
  // each module clears what describes the person in its own tables
  await clearManpowerTraces(tx, ctx.tenant.id, partyId);
  await clearParticipationNotes(tx, ctx.tenant.id, partyId);
  await clearRelationshipNotes(tx, ctx.tenant.id, partyId);
  await clearMemberPlots(tx, ctx.tenant.id, partyId);
  await repo.closeConsents(tx, ctx.tenant.id, partyId, todayInThailand(), ctx.actor.user.name);
  const redacted = await repo.redactAudit(tx, ctx.tenant.id, partyId, oldName, label);
  const row = await repo.insertErasure(tx, { tenantId: ctx.tenant.id, partyId, reason, note, erasedByName: ctx.actor.user.name });
  await audit(tx, ctx, {
    entity: 'privacy_erasure',
    entityId: partyId,
    entityLabel: label,
    action: 'erase',
    after: { reason, note, auditEventsRedacted: redacted },
  });
  return { label, redacted, row };
}

export function eraseSubject(ctx: TenantContext, partyId: string, input: z.output<typeof eraseInput>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const p = await person(tx, ctx, partyId);
    if (p.kind !== 'person') throw new AppError('validation_failed', { partyId: 'not_a_person' });
    if (await repo.erasureOf(tx, ctx.tenant.id, partyId)) throw new AppError('conflict', { partyId: 'already_erased' });
    if (input.confirmName.trim() !== p.name.trim()) throw new AppError('validation_failed', { confirmName: 'confirm_name_mismatch' });
    const holds = await legalHolds(tx, ctx.tenant.id, partyId, todayInThailand());
    // the first reason is the field message; all of them go in details for the page to list
    if (holds.length) throw new AppError('conflict', { erase: holds[0] }, { holds: holds.map((code) => ({ code, message: t(code, ctx.lang) })) });
    const { label, redacted, row } = await anonymise(tx, ctx, partyId, p.name, 'request', input.note);
    return { partyId, name: label, erasedAt: iso(row.erasedAt)!, auditEventsRedacted: redacted };
  });
}

// ------------------------------------------------------------------ notice

async function noticeOf(tx: Tx, tenant: TenantRef): Promise<PrivacyNotice> {
  const row = await repo.getNotice(tx, tenant.id);
  await repo.seedDefaultActivities(tx, tenant.id);
  const activities = await repo.listActivities(tx, tenant.id);
  const retention = await repo.getRetention(tx, tenant.id);
  const base = row ?? defaultNotice(tenant.nameTh);
  return {
    tenantName: tenant.nameTh,
    controllerName: base.controllerName,
    controllerAddress: base.controllerAddress,
    controllerContact: base.controllerContact,
    dpoName: base.dpoName,
    dpoContact: base.dpoContact,
    intro: base.intro,
    extra: base.extra,
    isDefault: !row,
    updatedAt: row ? iso(row.updatedAt) : null,
    activities: activities.map((a) => ({
      name: a.name,
      purpose: a.purpose,
      lawfulBasis: a.lawfulBasis as LawfulBasis,
      dataCategories: a.dataCategories,
      retention: a.retention,
      recipients: a.recipients,
    })),
    retention: { inactivePeopleYears: retention?.inactivePeopleYears ?? null, accessLogMonths: retention?.accessLogMonths ?? DEFAULT_ACCESS_LOG_MONTHS },
  };
}

/** The public page: the tenant is set for row-level security, no user and no personal data is involved. */
export function publicNotice(db: Db, tenant: TenantRef): Promise<PrivacyNotice> {
  return withTenant(db, tenant.id, (tx) => noticeOf(tx, tenant));
}

export function getNotice(ctx: TenantContext): Promise<PrivacyNotice> {
  return withTenant(ctx.db, ctx.tenant.id, (tx) => noticeOf(tx, ctx.tenant));
}

export function putNotice(ctx: TenantContext, input: z.output<typeof noticeInput>): Promise<PrivacyNotice> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await repo.getNotice(tx, ctx.tenant.id);
    const values = {
      tenantId: ctx.tenant.id,
      controllerName: input.controllerName,
      controllerAddress: input.controllerAddress ?? null,
      controllerContact: input.controllerContact ?? null,
      dpoName: input.dpoName ?? null,
      dpoContact: input.dpoContact ?? null,
      intro: input.intro ?? null,
      extra: input.extra ?? null,
      updatedByName: ctx.actor.user.name,
    };
    const row = await repo.upsertNotice(tx, values);
    // who saved the words is the audit entry's actor, not a change of the notice
    const strip = (r: repo.NoticeRow | null) => {
      if (!r) return null;
      const { updatedByName: _n, ...rest } = r;
      return rest;
    };
    await audit(tx, ctx, {
      entity: 'privacy_notice',
      entityId: null,
      entityLabel: row.controllerName,
      action: before ? 'update' : 'create',
      before: strip(before),
      after: strip(row),
    });
    return noticeOf(tx, ctx.tenant);
  });
}

// ------------------------------------------------------------------ record of processing activities

const presentActivity = (a: repo.ActivityRow): ProcessingActivity => ({
  id: a.id,
  isDefault: a.defaultKey !== null,
  position: a.position,
  name: a.name,
  purpose: a.purpose,
  lawfulBasis: a.lawfulBasis as LawfulBasis,
  dataSubjects: a.dataSubjects,
  dataCategories: a.dataCategories,
  sensitiveData: a.sensitiveData,
  source: a.source,
  recipients: a.recipients,
  retention: a.retention,
  securityMeasures: a.securityMeasures,
  crossBorder: a.crossBorder,
  updatedAt: iso(a.updatedAt)!,
});

/** The ROPA; a tenant that has none gets Phakhi's defaults, derived from what it stores (defaults.ts). */
export function listActivities(ctx: TenantContext): Promise<ProcessingActivity[]> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const existing = await repo.listActivities(tx, ctx.tenant.id);
    if (existing.length) return existing.map(presentActivity);
    await repo.seedDefaultActivities(tx, ctx.tenant.id);
    return (await repo.listActivities(tx, ctx.tenant.id)).map(presentActivity);
  });
}

export function createActivity(ctx: TenantContext, input: z.output<typeof activityInput>): Promise<ProcessingActivity> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const row = await repo.insertActivity(tx, { tenantId: ctx.tenant.id, ...input, position: input.position ?? 1000 });
    await audit(tx, ctx, { entity: 'privacy_activity', entityId: row.id, entityLabel: row.name, action: 'create', after: row });
    return presentActivity(row);
  });
}

export function updateActivity(ctx: TenantContext, id: string, input: z.output<typeof activityPatch>): Promise<ProcessingActivity> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await repo.getActivity(tx, ctx.tenant.id, id);
    if (!before) throw new AppError('not_found');
    const set = givenFields(input);
    const row = await repo.updateActivity(tx, ctx.tenant.id, id, set);
    await audit(tx, ctx, {
      entity: 'privacy_activity',
      entityId: id,
      entityLabel: row.name,
      action: 'update',
      before,
      after: row,
    });
    return presentActivity(row);
  });
}

export function deleteActivity(ctx: TenantContext, id: string): Promise<void> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await repo.getActivity(tx, ctx.tenant.id, id);
    if (!before) throw new AppError('not_found');
    await repo.deleteActivity(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'privacy_activity', entityId: id, entityLabel: before.name, action: 'delete', before });
  });
}

// ------------------------------------------------------------------ access log

export function accessLog(ctx: TenantContext, q: z.output<typeof accessLogQuery>): Promise<ListResult<AccessLogEntry>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { rows, total } = await repo.listAccess(tx, ctx.tenant.id, q, q.pageSize, (q.page - 1) * q.pageSize);
    return {
      items: rows.map(({ r, partyName }) => ({
        id: r.id,
        viewerName: r.viewerName,
        viewerRole: r.viewerRole,
        partyId: r.partyId,
        partyName,
        fields: r.fields,
        route: r.route,
        viewedAt: iso(r.viewedAt)!,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

// ------------------------------------------------------------------ retention

/** Access-log rows are kept two years unless an admin says otherwise; people are kept until an admin sets a period. */
export const DEFAULT_ACCESS_LOG_MONTHS = 24;

const presentRetention = (r: repo.RetentionRow | null): RetentionSettings => ({
  inactivePeopleYears: r ? r.inactivePeopleYears : null,
  accessLogMonths: r ? r.accessLogMonths : DEFAULT_ACCESS_LOG_MONTHS,
  updatedByName: r?.updatedByName ?? null,
  updatedAt: r ? iso(r.updatedAt) : null,
  lastRunAt: r ? iso(r.lastRunAt) : null,
  lastRunPeople: r?.lastRunPeople ?? null,
  lastRunAccessRows: r?.lastRunAccessRows ?? null,
});

export function getRetention(ctx: TenantContext): Promise<RetentionSettings> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => presentRetention(await repo.getRetention(tx, ctx.tenant.id)));
}

export function putRetention(ctx: TenantContext, input: z.output<typeof retentionInput>): Promise<RetentionSettings> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = presentRetention(await repo.getRetention(tx, ctx.tenant.id));
    const row = await repo.upsertRetention(tx, { tenantId: ctx.tenant.id, ...input, updatedByName: ctx.actor.user.name });
    await audit(tx, ctx, {
      entity: 'privacy_retention',
      entityId: null,
      action: 'update',
      before: { inactivePeopleYears: before.inactivePeopleYears, accessLogMonths: before.accessLogMonths },
      after: { inactivePeopleYears: row.inactivePeopleYears, accessLogMonths: row.accessLogMonths },
    });
    return presentRetention(row);
  });
}

export interface RetentionLimits {
  people: number;
  accessRows: number;
}
export const RETENTION_LIMITS: RetentionLimits = { people: 100, accessRows: 10_000 };

function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y - years}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Apply one tenant's retention settings once: anonymise people inactive for longer than the period (skipping anyone
 * under a legal hold) and delete access-log rows older than theirs, at most `limits` per run, oldest first. A second
 * run finds nothing more to do (erased people are excluded, deleted rows are gone). Each erasure and each deletion
 * batch is audited as the system.
 */
export async function applyRetention(db: Db, tenant: TenantRef, now: Date = new Date(), limits: RetentionLimits = RETENTION_LIMITS) {
  const ctx: TenantContext = { db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang: 'th' };
  return withTenant(db, tenant.id, async (tx) => {
    const settings = await repo.getRetention(tx, tenant.id);
    const accessMonths = settings ? settings.accessLogMonths : DEFAULT_ACCESS_LOG_MONTHS;
    const today = todayInThailand(now);
    let people = 0;
    let morePending = false;
    if (settings?.inactivePeopleYears) {
      const cutoff = yearsBefore(today, settings.inactivePeopleYears);
      const due = await repo.inactivePeople(tx, tenant.id, cutoff, limits.people + 1);
      morePending = due.length > limits.people;
      for (const { id } of due.slice(0, limits.people)) {
        const p = await repo.partyKindName(tx, tenant.id, id);
        if (!p || (await legalHolds(tx, tenant.id, id, today)).length) continue;
        await anonymise(tx, ctx, id, p.name, 'retention', `ไม่มีความเคลื่อนไหวเกิน ${settings.inactivePeopleYears} ปี`);
        people++;
      }
    }
    let accessRows = 0;
    if (accessMonths) {
      const before = new Date(now);
      before.setUTCMonth(before.getUTCMonth() - accessMonths);
      accessRows = await repo.purgeAccess(tx, tenant.id, before, limits.accessRows);
      if (accessRows === limits.accessRows) morePending = true;
      if (accessRows)
        await audit(tx, ctx, {
          entity: 'privacy_access_log',
          entityId: null,
          action: 'delete',
          before: { accessRowsDeleted: accessRows, viewedAt: before.toISOString() },
        });
    }
    if (settings) await repo.recordRun(tx, tenant.id, people, accessRows);
    return { peopleAnonymised: people, accessRowsDeleted: accessRows, morePending };
  });
}

export function runRetentionNow(ctx: TenantContext) {
  return applyRetention(ctx.db, ctx.tenant);
}
