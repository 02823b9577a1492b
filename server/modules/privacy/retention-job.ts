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

/**
 * Started by the server: a first run `firstAfterMs` after start (a minute), then every `everyMs` (a day). `onRun`
 * hears each run's results (tests wait on it). Returns a stop function.
 */
export function startRetentionJob(
  db: Db,
  log: { info(msg: string): void; error(obj: unknown, msg?: string): void },
  opts: { everyMs?: number; firstAfterMs?: number; onRun?: (results: Awaited<ReturnType<typeof runRetentionAll>> | Error) => void } = {},
) {
  const { everyMs = 24 * 3600_000, firstAfterMs = 60_000 } = opts;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const results = await runRetentionAll(db);
      const done = results.filter((r) => r.peopleAnonymised || r.accessRowsDeleted);
      if (done.length) log.info(`retention: ${JSON.stringify(done)}`);
      opts.onRun?.(results);
    } catch (err) {
      log.error(err, 'retention job failed');
      opts.onRun?.(err as Error);
    }
    if (!stopped) timer = setTimeout(() => void tick(), everyMs).unref();
  };
  timer = setTimeout(() => void tick(), firstAfterMs).unref();
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
