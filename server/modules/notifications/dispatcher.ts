import type { Transporter } from 'nodemailer';
import { tenantRefs } from '../tenants/tenants.repository';
import type { TenantRef } from '../../platform/context';
import { withTenant, type Db } from '../../platform/db';
import { todayInThailand } from '../../platform/today';
import { actionItemDue } from './content';
import { claimOutbox, dueActionItems, markAttemptFailed, markSent, partyUsers } from './notifications.repository';
import { deliver } from './notify';

/**
 * Background work of the notifications module (docs/decisions/0015-notifications.md):
 *  - sends the e-mail outbox in bounded batches, with exponential back-off and a failed state after
 *    `maxAttempts`; a message is only ever marked sent after the mail server accepted it;
 *  - once per Thai calendar day, looks for action items due within `dueWithinDays` days and notifies
 *    their owners (idempotent: one notification per item and due date).
 * It is system work across tenants, done tenant by tenant through `withTenant` like every request, so
 * row-level security holds for it too: the tenant list (a global table) is the only thing read across tenants.
 * `step()` is one round and takes its time from `now()`, so tests drive it without timers or sleeps.
 */
export interface DispatcherOptions {
  db: Db;
  /** null: no mail server configured; outbox rows wait (nothing is lost) and in-app work still runs. */
  transport: Transporter | null;
  from: string;
  batchSize?: number;
  maxAttempts?: number;
  /** The first retry waits this long, then twice as long each time (capped at six hours). */
  retryBaseMs?: number;
  /** How long a claimed message stays invisible to other processes while it is being sent. */
  leaseMs?: number;
  dueWithinDays?: number;
  now?: () => Date;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export interface StepResult {
  sent: number;
  retrying: number;
  failed: number;
  dueNotified: number;
}

const MAX_DELAY_MS = 6 * 3600_000;

export const backoffMs = (attempts: number, baseMs: number) => Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));

export class Dispatcher {
  private readonly o: Required<Omit<DispatcherOptions, 'transport'>> & { transport: Transporter | null };
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private lastDueDay: string | null = null;
  private tenantOffset = 0;

  constructor(opts: DispatcherOptions) {
    this.o = {
      batchSize: 50,
      maxAttempts: 8,
      retryBaseMs: 60_000,
      leaseMs: 5 * 60_000,
      dueWithinDays: 3,
      now: () => new Date(),
      log: () => {},
      ...opts,
    };
  }

  /** One round: the daily due check when the Thai date changed, then at most one batch of the outbox. */
  async step(): Promise<StepResult> {
    const result: StepResult = { sent: 0, retrying: 0, failed: 0, dueNotified: 0 };
    const today = todayInThailand(this.o.now());
    if (this.lastDueDay !== today) {
      result.dueNotified = await this.checkDue(today);
      this.lastDueDay = today;
    }
    if (this.o.transport) Object.assign(result, { ...(await this.sendBatch()), dueNotified: result.dueNotified });
    return result;
  }

  /** Run `step` every `intervalMs` (one round at a time) until `stop()`. */
  start(intervalMs: number) {
    const tick = () => {
      this.running = this.step()
        .catch((err: Error) => this.o.log('error', `notifications: ${err.message}`))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(tick, intervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  /** Stop the timer and wait for a round in progress (a claimed message is then either sent or released by its lease). */
  async stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tenantList(): Promise<TenantRef[]> {
    const list = await tenantRefs(this.o.db);
    if (!list.length) return list;
    // start at a different tenant each round, so a busy tenant cannot starve the others
    const k = this.tenantOffset++ % list.length;
    return [...list.slice(k), ...list.slice(0, k)];
  }

  /** Action items (and their tasks, when not done) due from today to `dueWithinDays` days ahead. */
  async checkDue(today: string): Promise<number> {
    let added = 0;
    for (const tenant of await this.tenantList()) {
      added += await withTenant(this.o.db, tenant.id, async (tx) => {
        const due = await dueActionItems(tx, tenant.id, today, this.o.dueWithinDays);
        let n = 0;
        for (const item of due) n += await deliver(tx, tenant, await partyUsers(tx, tenant.id, item.ownerPartyId), actionItemDue(tenant.slug, item));
        return n;
      });
    }
    return added;
  }

  /** Claim up to `batchSize` due messages across tenants, send them, record each outcome. */
  private async sendBatch(): Promise<Omit<StepResult, 'dueNotified'>> {
    const out = { sent: 0, retrying: 0, failed: 0 };
    let budget = this.o.batchSize;
    for (const tenant of await this.tenantList()) {
      if (budget <= 0) break;
      const now = this.o.now();
      const claimed = await withTenant(this.o.db, tenant.id, (tx) => claimOutbox(tx, tenant.id, now, new Date(now.getTime() + this.o.leaseMs), budget));
      budget -= claimed.length;
      for (const m of claimed) {
        let error: string | null = null;
        try {
          await this.o.transport!.sendMail({
            from: this.o.from,
            to: m.recipient,
            subject: m.subject,
            text: m.bodyText,
            html: m.bodyHtml,
            attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
          });
        } catch (err) {
          error = (err as Error).message.slice(0, 1000) || 'send failed';
        }
        const at = this.o.now();
        const failed = error !== null && m.attempts >= this.o.maxAttempts;
        await withTenant(this.o.db, tenant.id, (tx) =>
          error === null
            ? markSent(tx, tenant.id, m.id, at)
            : markAttemptFailed(tx, tenant.id, m.id, failed, error, new Date(at.getTime() + backoffMs(m.attempts, this.o.retryBaseMs))),
        );
        if (error === null) out.sent++;
        else if (failed) {
          out.failed++;
          this.o.log('error', `notifications: e-mail ${m.id} to ${m.recipient} failed after ${m.attempts} attempts: ${error}`);
        } else {
          out.retrying++;
          this.o.log('warn', `notifications: e-mail ${m.id} attempt ${m.attempts} failed (${error}); will retry`);
        }
      }
    }
    return out;
  }
}
