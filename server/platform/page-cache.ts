import crypto from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { compressBody, pickEncoding, withVary, type Encoding } from './compress';
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
  /** Answers compressed (once per entry and encoding); the rest of the compressed answers were sent from memory. */
  compressions = 0;
  /** Answers of 304 Not Modified (the caller's copy named the current validator). */
  notModified = 0;

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

  /** The stored answer's bytes while `version` is the one it was stored under. */
  get(tenant: string, key: string, version: string): Buffer | undefined {
    return this.lookup(tenant, key, version)?.body;
  }

  lookup(tenant: string, key: string, version: string): Entry | undefined {
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
    return e;
  }

  /** Stores an answer; returns its entry (also when it is too large to keep: then it is only not stored). */
  put(tenant: string, key: string, version: string, body: Buffer): Entry {
    const k = `${tenant} ${key}`;
    // the body's bytes; the key, the version and the bookkeeping roughly (two bytes a character)
    const bytes = body.length + 2 * (k.length + version.length) + 64;
    const e: Entry = { key: k, tenant, version, body, bytes, encoded: {} };
    if (!this.enabled || bytes > this.maxTenantBytes) return e;
    const old = this.entries.get(k);
    if (old) this.remove(k, old);
    this.entries.set(k, e);
    let own = this.byTenant.get(tenant);
    if (!own) this.byTenant.set(tenant, (own = { entries: new Map(), bytes: 0 }));
    own.entries.set(k, e);
    own.bytes += bytes;
    this.bytes += bytes;
    this.evict(own);
    return e;
  }

  /**
   * The entry's answer compressed with `encoding`: made once per entry and encoding on zlib's thread pool (the
   * requests that ask meanwhile share the pending result), then sent from memory. The compressed bytes count in
   * the entry's size from the moment they are stored, so the caps cover them.
   */
  encoded(e: Entry, encoding: Encoding): Promise<Buffer> {
    const stored = e.encoded[encoding];
    if (stored) return stored;
    this.compressions++;
    const made = compressBody(e.body, encoding, CACHED_BROTLI_QUALITY);
    e.encoded[encoding] = made;
    made.then(
      (compressed) => {
        // counted only while the entry is still the stored one (not replaced, evicted or stale meanwhile)
        if (this.entries.get(e.key) !== e) return;
        e.bytes += compressed.length;
        this.bytes += compressed.length;
        const own = this.byTenant.get(e.tenant)!;
        own.bytes += compressed.length;
        this.evict(own);
      },
      () => {
        // a failed compression is not kept: the next request tries again
        if (e.encoded[encoding] === made) delete e.encoded[encoding];
      },
    );
    return made;
  }

  /** The tenant's own oldest answers first, then everyone's oldest. */
  private evict(own: { entries: Map<string, Entry>; bytes: number }) {
    while (own.bytes > this.maxTenantBytes && own.entries.size) {
      const [oldestKey, oldest] = own.entries.entries().next().value!;
      this.remove(oldestKey, oldest);
    }
    while (this.bytes > this.maxBytes && this.entries.size) {
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

/**
 * Brotli quality for stored answers. The 43.5 KB network list of the demo (quiet machine, best of 7): quality 4
 * 9,640 bytes in 0.7–4 ms, 6 8,601 bytes in 1.9 ms, 9 8,475 bytes in ~300 ms, 11 7,780 bytes in 70–90 ms. The
 * first reader after a write waits for it (the others share the pending copy), so 6: nearly quality 9's size at
 * quality 4's cost. 11 would save another 10 % on the wire for 40× the time of every first read after a write.
 */
export const CACHED_BROTLI_QUALITY = 6;

export interface Entry {
  /** `tenant key`, as stored. */
  key: string;
  tenant: string;
  version: string;
  body: Buffer;
  /** Counted bytes: the body, its compressed copies once made, the key and bookkeeping. */
  bytes: number;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
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

/** Names this process's answers in validators: a new release (or restart) never matches an old ETag. */
const PROCESS_TAG = crypto.randomBytes(9).toString('base64url');

/** A cached page as the route sends it (`sendCachedPage`). */
export interface CachedPage {
  /**
   * The validator's stem (no quotes, no encoding): a hash of the process, the tenant, the key (language
   * included), the data version, the caller and their role. Absent when the cache is off.
   */
  etag?: string;
  /** The answer's UTF-8 bytes: stored, or made by `produce` and stored (only called when they are to be sent). */
  body(): Promise<Buffer>;
  /** The answer compressed, once per stored entry and encoding. */
  encoded(encoding: Encoding): Promise<Buffer>;
  cache: PageCache;
}

/**
 * The answer `produce` makes (JSON text), from memory while the tenant's data version is the one it was made
 * under. `key` names everything else the answer depends on (route, query string, the caller's role if the
 * answer differs by role); the tenant and the language are added here. Kept as UTF-8 bytes, so a hit does not
 * encode the text again (43 KB of mostly Thai for the network list), and compressed once per encoding.
 *
 * The version is read here (before the answer, which is made only when it is to be sent: a request whose
 * `If-None-Match` names the current validator gets a 304 without it).
 */
export async function cachedTenantPage(ctx: TenantContext, key: string, produce: () => Promise<string>): Promise<CachedPage> {
  const cache = pageCache(ctx.db);
  if (!cache.enabled) {
    let made: Promise<Buffer> | undefined;
    const body = () => (made ??= produce().then((text) => Buffer.from(text)));
    return { body, encoded: async (encoding) => compressBody(await body(), encoding), cache };
  }
  const tenant = ctx.tenant.id;
  const fullKey = `${ctx.lang} ${key}`;
  const version = await tenantVersion(ctx.db, tenant);
  // the caller is in the validator although the answer is shared: another user's or role's ETag never matches
  const etag = crypto
    .createHash('sha256')
    .update([PROCESS_TAG, tenant, fullKey, version, ctx.actor.user.id, ctx.actor.role].join('\n'))
    .digest('base64url')
    .slice(0, 27);
  let entry = cache.lookup(tenant, fullKey, version);
  if (entry) cache.hits++;
  let making: Promise<Entry> | undefined;
  const get = (): Promise<Entry> =>
    entry
      ? Promise.resolve(entry)
      : (making ??= (async () => {
          cache.misses++;
          return (entry = cache.put(tenant, fullKey, version, Buffer.from(await produce())));
        })());
  return {
    etag,
    body: async () => (await get()).body,
    encoded: async (encoding) => cache.encoded(await get(), encoding),
    cache,
  };
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, as RFC 9110 has for it; `*` names any). */
export function ifNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return false;
  return value.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === etag;
  });
}

/**
 * Sends a cached page. With the cache on: `ETag` (strong; one per content coding, as the bytes differ),
 * `Cache-Control: private, no-cache` (the browser keeps it and asks every time) and
 * `Vary: Accept-Encoding, Accept-Language`;
 * a request whose `If-None-Match` names the current validator gets 304 without a body. Runs in the route's
 * handler, so after access control: a logged-out or deactivated caller gets its 401/403, never a 304.
 * The answer goes out brotli- or gzip-compressed as accepted, from the entry's stored copy.
 */
export async function sendCachedPage(reply: FastifyReply, page: CachedPage): Promise<FastifyReply> {
  const req = reply.request;
  reply.type('application/json; charset=utf-8');
  if (!page.etag) return reply.send((await page.body()) as never); // the compression hook compresses per request
  const encoding = pickEncoding(req.headers['accept-encoding']);
  const etag = `"${page.etag}${encoding ? `-${encoding}` : ''}"`;
  // the bytes depend on Accept-Encoding; the answer's language (in the validator) on Accept-Language
  const vary = withVary(withVary(reply.getHeader('vary')), 'Accept-Language');
  reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', vary);
  if (ifNoneMatch(req.headers['if-none-match'], etag)) {
    page.cache.notModified++;
    return reply.code(304).send();
  }
  if (!encoding) return reply.send((await page.body()) as never);
  const compressed = await page.encoded(encoding);
  return reply.header('content-encoding', encoding).send(compressed as never);
}
