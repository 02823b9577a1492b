import type { TenantContext } from './context';
import { readDataVersion, type Db } from './db';

/**
 * Answers of the busiest tenant reads (the network list, the dashboard) kept in memory and served while the
 * tenant's data is unchanged (docs/decisions/0018-page-cache-data-version.md).
 *
 * - Validity: every answer is stored with the tenant's data version read *before* the answer's own queries
 *   (`readDataVersion`, migration 0050: a token replaced at the commit of any transaction that wrote a row of
 *   the tenant, by a trigger on every tenant table, whichever process or tool wrote it). A hit needs the current
 *   token to equal the stored one: one primary-key read, one round trip, instead of the page's transaction.
 *   Reading the version first means a write that commits while the page is being read can only make the stored
 *   answer newer than its token (a needless miss later), never older.
 * - Key: the caller passes everything the answer depends on besides the tenant's data (route, query string,
 *   the caller's role when the answer differs by role); the tenant and the answer's language are added here.
 *   Who may call is decided before (access control and the identity cache), so logout, deactivation and role
 *   changes act exactly as without this cache.
 * - Memory: least recently used answers go first, counted in bytes, with a total cap and a per-tenant cap
 *   (a sixteenth of the total), so one tenant's many filters cannot push out everyone else's answers.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  /** Per tenant: its entries in least-recently-used order and their bytes. */
  private readonly byTenant = new Map<string, { entries: Map<string, Entry>; bytes: number }>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly maxBytes: number,
    readonly maxTenantBytes = Math.floor(maxBytes / 16),
  ) {}

  get enabled() {
    return this.maxBytes > 0;
  }

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  tenantBytes(tenant: string): number {
    return this.byTenant.get(tenant)?.bytes ?? 0;
  }

  get(tenant: string, key: string, version: string): Buffer | undefined {
    const k = `${tenant} ${key}`;
    const e = this.entries.get(k);
    if (!e) return undefined;
    if (e.version !== version) {
      this.remove(k, e);
      return undefined;
    }
    // most recently used last, in both orders
    this.entries.delete(k);
    this.entries.set(k, e);
    const own = this.byTenant.get(tenant)!.entries;
    own.delete(k);
    own.set(k, e);
    return e.body;
  }

  put(tenant: string, key: string, version: string, body: Buffer) {
    const k = `${tenant} ${key}`;
    // the body's bytes; the key, the version and the bookkeeping roughly (two bytes a character)
    const bytes = body.length + 2 * (k.length + version.length) + 64;
    if (!this.enabled || bytes > this.maxTenantBytes) return;
    const old = this.entries.get(k);
    if (old) this.remove(k, old);
    const e: Entry = { tenant, version, body, bytes };
    this.entries.set(k, e);
    let own = this.byTenant.get(tenant);
    if (!own) this.byTenant.set(tenant, (own = { entries: new Map(), bytes: 0 }));
    own.entries.set(k, e);
    own.bytes += bytes;
    this.bytes += bytes;
    // the tenant's own oldest answers first, then everyone's oldest
    while (own.bytes > this.maxTenantBytes) {
      const [oldestKey, oldest] = own.entries.entries().next().value!;
      this.remove(oldestKey, oldest);
    }
    while (this.bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.remove(oldestKey, oldest);
    }
  }

  private remove(k: string, e: Entry) {
    this.entries.delete(k);
    this.bytes -= e.bytes;
    const own = this.byTenant.get(e.tenant);
    if (!own) return;
    own.entries.delete(k);
    own.bytes -= e.bytes;
    if (own.entries.size === 0) this.byTenant.delete(e.tenant);
  }
}

interface Entry {
  tenant: string;
  version: string;
  body: Buffer;
  bytes: number;
}

/**
 * The version reads of one tenant, shared by the requests waiting for them: at most one read is in flight, and
 * a request that arrives while one is in flight waits for the *next* read — one started after it arrived —
 * which all requests that arrived meanwhile share. So a request always sees every write that committed before
 * it arrived (a read sent earlier might not), and 50 concurrent requests of a tenant cost about one round trip
 * each wave instead of 50 (docs/performance.md: the pool's connections and socket writes were the limit).
 */
export class VersionReads {
  private inflight?: Promise<string>;
  private next?: Promise<string>;
  reads = 0;

  constructor(private readonly read: () => Promise<string>) {}

  get(): Promise<string> {
    if (!this.inflight) return this.start();
    this.next ??= this.inflight
      .then(
        () => {},
        () => {},
      )
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<string> {
    this.reads++;
    const p = this.read().finally(() => {
      if (this.inflight === p) this.inflight = undefined;
    });
    this.inflight = p;
    return p;
  }
}

const versionReads = new WeakMap<Db, Map<string, VersionReads>>();

function tenantVersion(db: Db, tenant: string): Promise<string> {
  let byTenant = versionReads.get(db);
  if (!byTenant) versionReads.set(db, (byTenant = new Map()));
  let reads = byTenant.get(tenant);
  if (!reads) byTenant.set(tenant, (reads = new VersionReads(() => readDataVersion(db, tenant))));
  return reads.get();
}

const caches = new WeakMap<Db, PageCache>();

/** The cache of one database handle (one app); off until `usePageCache` turns it on. */
export function pageCache(db: Db): PageCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new PageCache(0)));
  return cache;
}

export function usePageCache(db: Db, maxBytes: number) {
  caches.set(db, new PageCache(maxBytes));
}

/**
 * The answer `produce` makes (JSON text), from memory while the tenant's data version is the one it was made
 * under. `key` names everything else the answer depends on (route, query string, the caller's role if the
 * answer differs by role); the tenant and the language are added here. Kept and returned as UTF-8 bytes, so a
 * hit does not encode the text again (43 KB of mostly Thai for the network list).
 */
export async function cachedTenantPage(ctx: TenantContext, key: string, produce: () => Promise<string>): Promise<Buffer> {
  const cache = pageCache(ctx.db);
  if (!cache.enabled) return Buffer.from(await produce());
  const tenant = ctx.tenant.id;
  const fullKey = `${ctx.lang} ${key}`;
  const version = await tenantVersion(ctx.db, tenant);
  const hit = cache.get(tenant, fullKey, version);
  if (hit !== undefined) {
    cache.hits++;
    return hit;
  }
  cache.misses++;
  const body = Buffer.from(await produce());
  cache.put(tenant, fullKey, version, body);
  return body;
}
