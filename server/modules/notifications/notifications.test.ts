import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../platform/db';
import { rows } from '../../platform/sql';
import { todayInThailand } from '../../platform/today';
import { buildTestApp, createTenant, createUser, login, type TestApp } from '../../test/harness';
import { MESSAGES } from '../../platform/messages';
import th from '../../../web/src/features/notifications/i18n/th.json';
import en from '../../../web/src/features/notifications/i18n/en.json';
import { Dispatcher } from './dispatcher';
import { createMailTransport } from './mail';
import { EMAIL_CONSENT_TEXT } from './messages';

/**
 * Notifications through the real HTTP layer and a real SMTP server (smtp-server on a random port):
 * nodemailer talks SMTP to it, nothing is mocked. The dispatcher is driven step by step with its own
 * clock, so retries and back-off are tested without timers or sleeps.
 */

let t: TestApp;

// ---- a real SMTP server that can be stopped and started again on the same port ----
interface Received {
  to: string[];
  raw: string;
}
const inbox: Received[] = [];
let smtp: SMTPServer | null = null;
let smtpPort = 0;

function startSmtp(port = 0): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    smtp!.once('error', reject);
    smtp!.listen(port, '127.0.0.1', () => resolve((smtp!.server.address() as AddressInfo).port));
  });
}
const stopSmtp = () => new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));

// ---- a small reader of what arrived: the decoded subject and the attachments ----
function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : '';
}
function attachments(raw: string): { filename: string; content: string }[] {
  const out: { filename: string; content: string }[] = [];
  for (const part of raw.split(/\r?\n--[^\r\n]+/)) {
    const [head, ...body] = part.split(/\r?\n\r?\n/);
    const name = /filename="?([^";\r\n]+)"?/i.exec(head.replace(/\r?\n[ \t]+/g, ' '));
    if (!name) continue;
    const data = body.join('\n\n');
    const content = /content-transfer-encoding:\s*base64/i.test(head) ? Buffer.from(data.replace(/\s+/g, ''), 'base64').toString('utf8') : data;
    out.push({ filename: name[1], content });
  }
  return out;
}
const subjects = () => inbox.map((m) => header(m.raw, 'Subject'));

// ---- fixtures ----
const keysOf = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Object.keys(MESSAGES).find((key) => MESSAGES[key].th === v) ?? v]));

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}
/** yyyy-mm-dd, `days` from today in Thailand. */
const day = (days: number) => {
  const d = new Date(`${todayInThailand()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

interface List {
  items: { id: string; kind: string; title: string; body: string; link: string; readAt: string | null; email: string | null }[];
  total: number;
  unread: number;
}

/**
 * A tenant with an officer, an admin, a steering committee of three people — Somchai (an account,
 * consents to e-mail), Malee (an account, in-app only) and Boonma (no account) — and a second tenant.
 */
let s: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const tenant = await createTenant(t);
  const base = `/api/v1/t/${tenant.slug}`;
  const officerUser = await createUser(t, { tenantId: tenant.id, role: 'officer', name: 'นางสาวอรทัย เจ้าหน้าที่' });
  const officer = await login(t, officerUser.email, officerUser.password);
  const person = (name: string) => ok<{ id: string }>(officer.post(`${base}/partners`, { kind: 'person', name, sector: 'civil_society' }), 201);
  const [somchaiP, maleeP, boonmaP] = [await person('นายสมชาย ใจดี'), await person('นางมาลี ศรีสุข'), await person('นายบุญมา คำแก้ว')];
  const somchaiUser = await createUser(t, { tenantId: tenant.id, role: 'member', partyId: somchaiP.id, name: 'นายสมชาย ใจดี' });
  const maleeUser = await createUser(t, { tenantId: tenant.id, role: 'member', partyId: maleeP.id, name: 'นางมาลี ศรีสุข' });
  const adminUser = await createUser(t, { tenantId: tenant.id, role: 'admin', name: 'นายปกครอง ผู้ดูแล' });
  const committee = await ok<{ id: string }>(officer.post(`${base}/committees`, { name: 'คณะกรรมการขับเคลื่อนฝายพญาคำ' }), 201);
  const members: { id: string }[] = [];
  for (const p of [somchaiP, maleeP, boonmaP])
    members.push(
      await ok(officer.post(`${base}/committees/${committee.id}/members`, { partyId: p.id, position: 'member', startDate: day(-365), endDate: null }), 201),
    );
  const other = await createTenant(t);
  const outsiderUser = await createUser(t, { tenantId: other.id, role: 'admin' });
  return {
    tenant,
    base,
    officer,
    officerUser,
    somchai: await login(t, somchaiUser.email, somchaiUser.password),
    somchaiUser,
    somchaiP,
    malee: await login(t, maleeUser.email, maleeUser.password),
    maleeUser,
    admin: await login(t, adminUser.email, adminUser.password),
    adminUser,
    committee,
    members,
    other,
    outsider: await login(t, outsiderUser.email, outsiderUser.password),
  };
}

let clock = new Date();
const dispatcher = (opts: { maxAttempts?: number } = {}) =>
  new Dispatcher({
    db: t.database.db,
    transport: createMailTransport({ host: '127.0.0.1', port: smtpPort, secure: false, from: 'x' }),
    from: 'ภาคี Phakhi <no-reply@chomphu.example>',
    retryBaseMs: 60_000,
    maxAttempts: opts.maxAttempts ?? 5,
    now: () => clock,
  });

const outboxRows = () =>
  withTenant(t.database.db, s.tenant.id, (tx) =>
    rows<{ id: string; recipient: string; subject: string; status: string; attempts: number; nextAttemptAt: string; lastError: string | null }>(
      tx,
      sql`select id, recipient, subject, status, attempts, next_attempt_at as "nextAttemptAt", last_error as "lastError"
          from notification_outbox order by created_at, id`,
    ),
  );

const meeting = (date: string, place = 'ห้องประชุมเทศบาลตำบลชมภู') =>
  ok<{ id: string; number: number; yearBE: number }>(
    s.officer.post(`${s.base}/meetings`, { committeeId: s.committee.id, meetingDate: date, startTime: '09:30', endTime: '12:00', place }),
    201,
  );

beforeAll(async () => {
  t = await buildTestApp({ publicUrl: 'https://phakhi.chomphu.example' });
  smtpPort = await startSmtp();
  s = await setup();
}, 60_000);
afterAll(async () => {
  await stopSmtp();
  await t?.close();
});

describe('channels and consent', () => {
  it('keeps e-mail off until the person ticks the consent, and records when, how and what they agreed to', async () => {
    const start = await ok<{ inApp: boolean; email: boolean; emailAddress: string }>(s.somchai.get(`${s.base}/notifications/preferences`));
    expect(start).toMatchObject({ inApp: true, email: false, emailAddress: s.somchaiUser.email });
    const refused = await s.somchai.put(`${s.base}/notifications/preferences`, { email: true });
    expect(refused.statusCode).toBe(400);
    expect(keysOf(refused.json().error.fields)).toEqual({ consent: 'email_consent_required' });
    const on = await ok<{ email: boolean; emailConsentedAt: string; emailConsentMethod: string }>(
      s.somchai.put(`${s.base}/notifications/preferences`, { email: true, consent: true, language: 'th' }),
    );
    expect(on).toMatchObject({ email: true, emailConsentMethod: 'web_settings_checkbox' });
    expect(Date.now() - Date.parse(on.emailConsentedAt)).toBeLessThan(60_000);
    const [stored] = await withTenant(t.database.db, s.tenant.id, (tx) =>
      rows<{ text: string }>(tx, sql`select email_consent_text as text from notification_preferences where user_id = ${s.somchaiUser.id}`),
    );
    expect(stored.text).toContain(EMAIL_CONSENT_TEXT.th);
  });

  it('shows on the settings page the very wording the server records', () => {
    expect(th.notifications.settings.consent).toBe(EMAIL_CONSENT_TEXT.th);
    expect(en.notifications.settings.consent).toBe(EMAIL_CONSENT_TEXT.en);
  });
});

describe('meeting invitations by e-mail', () => {
  it('reaches the SMTP server for the person who consented, in Thai with the .ics; the others get it in-app only', async () => {
    const m = await meeting(day(10));
    // in-app: both members with an account (Boonma has none); the officer who scheduled it is not a member
    const somchaiList = await ok<List>(s.somchai.get(`${s.base}/notifications`));
    expect(somchaiList.items).toHaveLength(1);
    expect(somchaiList.items[0]).toMatchObject({
      kind: 'meeting_invitation',
      title: `เชิญประชุมคณะกรรมการขับเคลื่อนฝายพญาคำ ครั้งที่ ${m.number}/${m.yearBE}`,
      link: `/t/${s.tenant.slug}/meetings/${m.id}`,
      email: 'pending',
    });
    expect(somchaiList.items[0].body).toContain(String(Number(day(10).slice(0, 4)) + 543)); // a B.E. date
    const maleeList = await ok<List>(s.malee.get(`${s.base}/notifications`));
    expect(maleeList.items.map((i) => [i.kind, i.email])).toEqual([['meeting_invitation', null]]);
    expect((await ok<List>(s.officer.get(`${s.base}/notifications`))).total).toBe(0);

    // queued in the same transaction as the meeting: one e-mail, to the one who consented
    expect((await outboxRows()).map((o) => o.recipient)).toEqual([s.somchaiUser.email]);
    clock = new Date();
    const result = await dispatcher().step();
    expect(result).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    expect(inbox).toHaveLength(1);
    const mail = inbox[0];
    expect(mail.to).toEqual([s.somchaiUser.email]);
    expect(header(mail.raw, 'Subject')).toBe(`เชิญประชุมคณะกรรมการขับเคลื่อนฝายพญาคำ ครั้งที่ ${m.number}/${m.yearBE}`);
    const ics = attachments(mail.raw).find((a) => a.filename.endsWith('.ics'));
    expect(ics?.filename).toBe(`meeting-${m.number}-${m.yearBE}.ics`);
    expect(ics!.content).toContain('BEGIN:VCALENDAR');
    expect(ics!.content).toContain(`DTSTART;TZID=Asia/Bangkok:${day(10).replaceAll('-', '')}T093000`);
    expect(mail.raw).toContain('https://phakhi.chomphu.example'); // the link back into the app (in the body)
    expect((await outboxRows())[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await ok<List>(s.somchai.get(`${s.base}/notifications`))).items[0].email).toBe('sent');
    // nothing to do on the next round
    expect(await dispatcher().step()).toMatchObject({ sent: 0, retrying: 0 });
    expect(inbox).toHaveLength(1);
  });

  it('keeps a message while the mail server is down and delivers it exactly once after it is back', async () => {
    await stopSmtp();
    const m = await meeting(day(40), 'ศาลาเอนกประสงค์ หมู่ 3');
    const d = dispatcher();
    clock = new Date();
    expect(await d.step()).toMatchObject({ sent: 0, retrying: 1 });
    let [row] = (await outboxRows()).filter((o) => o.status !== 'sent');
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toBeTruthy();
    expect(Date.parse(row.nextAttemptAt) - clock.getTime()).toBe(60_000); // the first back-off

    // the server comes back, but the message is not due yet
    await startSmtp(smtpPort);
    expect(await d.step()).toMatchObject({ sent: 0, retrying: 0 });
    expect(subjects().filter((x) => x.includes(`${m.number}/${m.yearBE}`))).toHaveLength(0);

    clock = new Date(clock.getTime() + 61_000);
    expect(await d.step()).toMatchObject({ sent: 1 });
    clock = new Date(clock.getTime() + 3600_000);
    expect(await d.step()).toMatchObject({ sent: 0 });
    expect(subjects().filter((x) => x === `เชิญประชุมคณะกรรมการขับเคลื่อนฝายพญาคำ ครั้งที่ ${m.number}/${m.yearBE}`)).toHaveLength(1);
    [row] = (await outboxRows()).filter((o) => o.id === row.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks a visible failed state after the last attempt; only an admin sees it and queues it again', async () => {
    await stopSmtp();
    await meeting(day(50), 'วัดชมภู');
    const d = dispatcher({ maxAttempts: 2 });
    clock = new Date();
    expect(await d.step()).toMatchObject({ retrying: 1 });
    clock = new Date(clock.getTime() + 60_000);
    expect(await d.step()).toMatchObject({ failed: 1 });
    const failed = await ok<{ items: { id: string; attempts: number; lastError: string }[] }>(s.admin.get(`${s.base}/notifications/outbox?status=failed`));
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0].attempts).toBe(2);
    expect(failed.items[0].lastError).toBeTruthy();
    const mine = await ok<List>(s.somchai.get(`${s.base}/notifications`));
    expect(mine.items[0].email).toBe('failed'); // the person sees it too
    // a failed message is not retried on its own
    clock = new Date(clock.getTime() + 24 * 3600_000);
    expect(await d.step()).toMatchObject({ sent: 0, retrying: 0, failed: 0 });

    expect((await s.officer.get(`${s.base}/notifications/outbox`)).statusCode).toBe(403);
    expect((await s.officer.post(`${s.base}/notifications/outbox/${failed.items[0].id}/retry`)).statusCode).toBe(403);
    expect((await s.admin.post(`${s.base}/notifications/outbox/${failed.items[0].id}/retry`)).statusCode).toBe(204);
    expect((await s.admin.post(`${s.base}/notifications/outbox/${failed.items[0].id}/retry`)).statusCode).toBe(409);
    await startSmtp(smtpPort);
    expect(await d.step()).toMatchObject({ sent: 1 });
    expect(subjects().filter((x) => x.includes('เชิญประชุม'))).toHaveLength(3);
  });

  it('sends nothing to a person who withdrew consent', async () => {
    await ok(s.somchai.put(`${s.base}/notifications/preferences`, { email: false }));
    const before = (await outboxRows()).length;
    await meeting(day(60));
    expect((await outboxRows()).length).toBe(before);
    const prefs = await ok<{ email: boolean; emailWithdrawnAt: string | null; emailConsentedAt: string | null }>(
      s.somchai.get(`${s.base}/notifications/preferences`),
    );
    expect(prefs.email).toBe(false);
    expect(prefs.emailWithdrawnAt).toBeTruthy();
    expect(prefs.emailConsentedAt).toBeTruthy(); // the record of the earlier consent stays
    await ok(s.somchai.put(`${s.base}/notifications/preferences`, { email: true, consent: true }));
  });
});

describe('the list', () => {
  it('counts unread, marks one and all read, and pages', async () => {
    const start = await ok<List>(s.malee.get(`${s.base}/notifications?pageSize=2`));
    expect(start.total).toBe(4);
    expect(start.items).toHaveLength(2);
    expect(start.unread).toBe(4);
    expect(await ok(s.malee.get(`${s.base}/notifications/unread-count`))).toEqual({ unread: 4 });
    expect(await ok(s.malee.post(`${s.base}/notifications/${start.items[0].id}/read`))).toEqual({ unread: 3 });
    const unread = await ok<List>(s.malee.get(`${s.base}/notifications?unread=true`));
    expect(unread.items.map((i) => i.id)).not.toContain(start.items[0].id);
    expect(await ok(s.malee.post(`${s.base}/notifications/read-all`))).toEqual({ unread: 0 });
    expect((await ok<List>(s.malee.get(`${s.base}/notifications`))).items.every((i) => i.readAt)).toBe(true);
  });

  it("keeps each person's notifications their own and each tenant's in its tenant", async () => {
    const somchais = await ok<List>(s.somchai.get(`${s.base}/notifications`));
    // another member of the same tenant cannot mark Somchai's
    expect((await s.malee.post(`${s.base}/notifications/${somchais.items[0].id}/read`)).statusCode).toBe(404);
    // another tenant's admin: refused here, and nothing of this tenant in their own
    expect((await s.outsider.get(`${s.base}/notifications`)).statusCode).toBe(403);
    const otherBase = `/api/v1/t/${s.other.slug}`;
    expect((await ok<List>(s.outsider.get(`${otherBase}/notifications`))).total).toBe(0);
    expect((await s.outsider.post(`${otherBase}/notifications/${somchais.items[0].id}/read`)).statusCode).toBe(404);
    expect((await ok<{ total: number }>(s.outsider.get(`${otherBase}/notifications/outbox?status=sent`))).total).toBe(0);
    // and the database agrees: as the other tenant, no row of this one is visible
    const seen = await withTenant(t.database.db, s.other.id, (tx) => rows<{ n: number }>(tx, sql`select count(*)::int as n from notifications`));
    expect(seen[0].n).toBe(0);
    // an anonymous caller
    expect((await t.app.inject({ method: 'GET', url: `${s.base}/notifications` })).statusCode).toBe(401);
  });
});

describe('other events', () => {
  it('tells the other checkers (not the proposer) that a threshold change waits for approval', async () => {
    await ok(s.admin.put(`${s.base}/budget/settings`, { approvalThresholdSatang: 99_000_000 }));
    const officerList = await ok<List>(s.officer.get(`${s.base}/notifications`));
    expect(officerList.items[0]).toMatchObject({ kind: 'approval_waiting', link: `/t/${s.tenant.slug}/budget` });
    expect(officerList.items[0].body).toContain('990,000.00 บาท');
    expect((await ok<List>(s.admin.get(`${s.base}/notifications`))).items.filter((i) => i.kind === 'approval_waiting')).toHaveLength(0);
    expect((await ok<List>(s.somchai.get(`${s.base}/notifications`))).items.filter((i) => i.kind === 'approval_waiting')).toHaveLength(0);
  });

  it('tells members that draft minutes wait for certification, once', async () => {
    const past = await ok<{ id: string; agenda: { id: string }[] }>(
      s.officer.post(`${s.base}/meetings`, { committeeId: s.committee.id, meetingDate: day(-3), startTime: '09:30', place: 'ห้องประชุม' }),
      201,
    );
    const before = (await ok<List>(s.malee.get(`${s.base}/notifications`))).total; // a past meeting invites no one
    const minutes = { recorder: 'นางมาลี', items: [{ id: past.agenda[0].id, discussion: 'ประธานแจ้งกำหนดการซ่อมฝาย' }] };
    await ok(s.officer.put(`${s.base}/meetings/${past.id}/minutes`, minutes));
    await ok(s.officer.put(`${s.base}/meetings/${past.id}/minutes`, minutes));
    const after = await ok<List>(s.malee.get(`${s.base}/notifications`));
    expect(after.total).toBe(before + 1);
    expect(after.items[0]).toMatchObject({ kind: 'minutes_to_certify', link: `/t/${s.tenant.slug}/meetings/${past.id}` });
  });

  it('warns the owner of an action item due within the next days, once per item and due date', async () => {
    const past = await ok<{ id: string }>(
      s.officer.post(`${s.base}/meetings`, { committeeId: s.committee.id, meetingDate: day(-1), startTime: '13:00', place: 'ห้องประชุม' }),
      201,
    );
    await ok(s.officer.put(`${s.base}/meetings/${past.id}/attendance`, { entries: s.members.map((m) => ({ memberId: m.id, status: 'present' })) }));
    const withRes = await ok<{ resolutions: { id: string }[] }>(
      s.officer.post(`${s.base}/meetings/${past.id}/resolutions`, { text: 'มอบหมายสำรวจฝาย', votesFor: 3 }),
    );
    const net = await ok<{ id: string }>(s.officer.post(`${s.base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำฝายพญาคำ', pillar: 'locality' }), 201);
    const plan = await ok<{ id: string }>(s.officer.post(`${s.base}/plans`, { name: 'แผนฝาย', fiscalYear: 2569, networkIds: [net.id] }), 201);
    const project = await ok<{ id: string }>(s.officer.post(`${s.base}/plans/${plan.id}/projects`, { name: 'ซ่อมฝาย' }), 201);
    const activity = await ok<{ id: string }>(
      s.officer.post(`${s.base}/plans/${plan.id}/projects/${project.id}/activities`, { name: 'ลงแขกซ่อมฝาย', budgetSatang: 0 }),
      201,
    );
    const rid = withRes.resolutions[0].id;
    const item = (title: string, due: string) =>
      ok(s.officer.post(`${s.base}/resolutions/${rid}/action-items`, { title, ownerPartyId: s.somchaiP.id, dueDate: due, activityId: activity.id }));
    await item('สำรวจความเสียหายของฝาย', day(2));
    await item('ทำรายงานสรุปงบซ่อม', day(30)); // not yet

    const d = new Dispatcher({ db: t.database.db, transport: null, from: 'x', dueWithinDays: 3, now: () => new Date() });
    expect(await d.checkDue(todayInThailand())).toBe(1);
    expect(await d.checkDue(todayInThailand())).toBe(0); // idempotent
    const list = await ok<List>(s.somchai.get(`${s.base}/notifications`));
    const due = list.items.filter((i) => i.kind === 'action_item_due');
    expect(due).toHaveLength(1);
    expect(due[0].title).toBe('งานตามมติใกล้ถึงกำหนด: สำรวจความเสียหายของฝาย');
    expect(due[0].body).toContain('อีก 2 วัน');
    // Somchai consented: the warning is queued for e-mail as well
    expect((await outboxRows()).filter((o) => o.subject.startsWith('งานตามมติ'))).toHaveLength(1);
  });
});
