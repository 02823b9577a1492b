import { tenantRefs } from '../tenants/tenants.repository';
import type { Db } from '../../platform/db';
import { applyRetention, RETENTION_LIMITS, type RetentionLimits } from './privacy.service';

/**
 * The retention job: every tenant's settings applied once per run, bounded per tenant (RETENTION_LIMITS), so a long
 * backlog is worked off over several runs and a run never holds a tenant's transaction for long. Idempotent: what was
 * anonymised or deleted is not found again.
 */
export async function runRetentionAll(db: Db, opts: { slug?: string; now?: Date; limits?: RetentionLimits } = {}) {
  const list = await tenantRefs(db, opts.slug !== undefined ? { slug: opts.slug } : {});
  const results: { tenant: string; peopleAnonymised: number; accessRowsDeleted: number; morePending: boolean }[] = [];
  for (const tenant of list) results.push({ tenant: tenant.slug, ...(await applyRetention(db, tenant, opts.now, opts.limits ?? RETENTION_LIMITS)) });
  return results;
}

/** Started by the server: a first run a minute after start, then every `everyMs` (a day). Returns a stop function. */
export function startRetentionJob(db: Db, log: { info(msg: string): void; error(obj: unknown, msg?: string): void }, everyMs = 24 * 3600_000) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const results = await runRetentionAll(db);
      const done = results.filter((r) => r.peopleAnonymised || r.accessRowsDeleted);
      if (done.length) log.info(`retention: ${JSON.stringify(done)}`);
    } catch (err) {
      log.error(err, 'retention job failed');
    }
    if (!stopped) timer = setTimeout(() => void tick(), everyMs).unref();
  };
  timer = setTimeout(() => void tick(), 60_000).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** `npm run cli -- retention-run [<tenant slug>]`: one run now; prints what it did per tenant. */
export async function retentionCommand(db: Db, args: string[]): Promise<number> {
  const results = await runRetentionAll(db, { slug: args[0] });
  if (args[0] && !results.length) {
    console.error(`No tenant "${args[0]}".`);
    return 1;
  }
  console.log(JSON.stringify(results, null, 2));
  return 0;
}
