import type { TenantContext, TenantRef } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { todayInThailand } from '../../platform/today';
import { meetingIcs } from '../committees/ics';
import { meetingById } from '../committees/meetings.repository';
import { SECTION_TITLES_TH } from '../committees/meetings.service';
import * as content from './content';
import type { Message } from './content';
import { agendaTitles, checkers, committeeUsers, emailConsenting, insertNotifications, insertOutbox } from './notifications.repository';

/**
 * The one call other modules make: `await notify(tx, ctx, event)` inside the transaction of the event.
 * It finds who should hear of it, adds their in-app notifications and, for each person who consented
 * to e-mail, an outbox row — all in that transaction, so an event that rolls back notifies no one and
 * one that commits cannot lose its message (the dispatcher sends the outbox later, with retries).
 */
export type NotifyEvent =
  /** A meeting was scheduled: the committee's members in office on its date, with the .ics. */
  | { kind: 'meeting_invitation'; meetingId: string }
  /** A meeting's minutes became a draft: its members, who certify them at the next meeting. */
  | { kind: 'minutes_to_certify'; meetingId: string }
  /** A ledger transaction was recorded; when it waits for a second officer, the checkers other than its maker. */
  | {
      kind: 'transaction_recorded';
      transaction: {
        id: string;
        status: string;
        description: string;
        totalSatang: number;
        makerUserId: string | null;
        makerName: string | null;
        reviewReasons: string[];
      };
    }
  /** A looser ledger threshold was proposed: the checkers other than the proposer. */
  | {
      kind: 'threshold_proposed';
      settings: {
        proposedAt: Date | null;
        proposedByUserId: string | null;
        proposedByName: string | null;
        proposedApprovalThresholdSatang: number | null;
        proposedEvidenceThresholdSatang: number | null;
      };
    };

/** Set once by the routes from the app's configuration: where people reach the app (links in e-mail). */
export const notificationSettings = { publicUrl: 'http://localhost:3000' };

export async function notify(tx: Tx, ctx: TenantContext, event: NotifyEvent): Promise<void> {
  const tenant = ctx.tenant;
  switch (event.kind) {
    case 'meeting_invitation':
    case 'minutes_to_certify': {
      const m = await meetingById(tx, tenant.id, event.meetingId);
      // an invitation is for a meeting still to come (a past meeting entered afterwards invites no one)
      if (!m || (event.kind === 'meeting_invitation' && m.meetingDate < todayInThailand())) return;
      const people = await committeeUsers(tx, tenant.id, m.committeeId, m.meetingDate);
      const message =
        event.kind === 'minutes_to_certify'
          ? content.minutesToCertify(tenant.slug, m)
          : content.meetingInvitation(tenant.slug, m, await invitationIcs(tx, tenant, m));
      await deliver(tx, tenant, people, message);
      return;
    }
    case 'transaction_recorded': {
      const t = event.transaction;
      // a transaction that only waits for its receipt waits for its maker, not for a checker
      if (t.status !== 'pending' || !t.reviewReasons.some((r) => r !== 'evidence')) return;
      const people = await checkers(tx, tenant.id, t.makerUserId);
      await deliver(tx, tenant, people, content.transactionWaiting(tenant.slug, t));
      return;
    }
    case 'threshold_proposed': {
      const s = event.settings;
      if (!s.proposedAt) return;
      const people = await checkers(tx, tenant.id, s.proposedByUserId);
      await deliver(
        tx,
        tenant,
        people,
        content.thresholdProposal(tenant.slug, {
          proposedAt: s.proposedAt,
          proposedByName: s.proposedByName,
          approvalThresholdSatang: s.proposedApprovalThresholdSatang,
          evidenceThresholdSatang: s.proposedEvidenceThresholdSatang,
        }),
      );
      return;
    }
  }
}

export async function invitationIcs(tx: Tx, tenant: TenantRef, m: content.MeetingFacts) {
  const agenda = await agendaTitles(tx, tenant.id, m.id);
  const lines = [1, 2, 3, 4, 5].flatMap((s) => [
    `ระเบียบวาระที่ ${s} ${SECTION_TITLES_TH[s]}`,
    ...agenda.filter((a) => a.section === s).map((a, i) => `  ${s}.${i + 1} ${a.title}`),
  ]);
  return meetingIcs({
    uid: `${m.id}@${tenant.slug}.phakhi`,
    date: m.meetingDate,
    start: m.startTime,
    end: m.endTime,
    summary: `การประชุม${m.committeeName} ครั้งที่ ${m.number}/${m.yearBE}`,
    location: m.place,
    description: lines.join('\n'),
    stamp: new Date(),
  });
}

/**
 * Add the message to each person's list (once per dedupe key) and queue an e-mail for those who
 * consented. Returns how many notifications were new.
 */
export async function deliver(tx: Tx, tenant: TenantRef, userIdList: string[], m: Message): Promise<number> {
  if (!userIdList.length) return 0;
  const added = await insertNotifications(tx, tenant.id, userIdList, m);
  if (!added.length) return 0;
  const consenting = await emailConsenting(
    tx,
    tenant.id,
    added.map((a) => a.userId),
  );
  if (consenting.length) {
    const byUser = new Map(added.map((a) => [a.userId, a.id]));
    await insertOutbox(
      tx,
      consenting.map((p) => {
        const mail = content.renderEmail(m, p.language, {
          publicUrl: notificationSettings.publicUrl,
          tenantName: p.language === 'en' ? tenant.nameEn : tenant.nameTh,
          slug: tenant.slug,
        });
        return {
          tenantId: tenant.id,
          notificationId: byUser.get(p.id)!,
          channel: 'email',
          recipient: p.email,
          subject: mail.subject,
          bodyText: mail.text,
          bodyHtml: mail.html,
          attachments: m.attachments ?? [],
        };
      }),
    );
  }
  return added.length;
}
