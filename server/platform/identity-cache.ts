import type { Db } from './db';
import type { SessionUser } from './context';
import type { TenantRole } from '../../common/schemas/enums';

/**
 * Who is calling — the session's user and that user's role in a tenant — kept in memory for a few
 * seconds, so that an ordinary read does not spend two of its round trips on it (docs/performance.md).
 *
 * Exact within this process: every change to sessions, accounts or memberships goes through code that
 * calls `forgetIdentities(db)` after it commits (logout, password change or reset, deactivation, a role
 * change, a new membership), which drops everything and starts a new generation. A lookup that began
 * before such a change cannot store its (old) answer afterwards. Across several processes, or after an
 * edit made directly in the database, a change shows within `ttlSeconds` (PHAKHI_IDENTITY_CACHE_SECONDS;
 * 0 turns the cache off). A session is never kept past its own expiry, and unknown tokens are not kept.
 */
export class IdentityCache {
  private generation = 0;
  private readonly users = new Map<string, { user: SessionUser; until: number }>();
  private readonly roles = new Map<string, { role: TenantRole | null; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  get enabled() {
    return this.ttlMs > 0;
  }

  /** The generation a lookup starts in: pass it back to `put…` so a stale answer is not stored. */
  begin(): number {
    return this.generation;
  }

  sessionUser(tokenHash: string): SessionUser | undefined {
    return fresh(this.users, tokenHash)?.user;
  }

  putSessionUser(generation: number, tokenHash: string, user: SessionUser, sessionExpiresAt: Date) {
    if (!this.enabled || generation !== this.generation) return;
    put(this.users, tokenHash, { user, until: Math.min(Date.now() + this.ttlMs, sessionExpiresAt.getTime()) }, this.maxEntries);
  }

  /** `undefined`: not known; `null`: known to have no role there. */
  tenantRole(tenantId: string, userId: string): TenantRole | null | undefined {
    return fresh(this.roles, `${tenantId}:${userId}`)?.role;
  }

  putTenantRole(generation: number, tenantId: string, userId: string, role: TenantRole | null) {
    if (!this.enabled || generation !== this.generation) return;
    put(this.roles, `${tenantId}:${userId}`, { role, until: Date.now() + this.ttlMs }, this.maxEntries);
  }

  forgetAll() {
    this.generation++;
    this.users.clear();
    this.roles.clear();
  }
}

function fresh<V extends { until: number }>(map: Map<string, V>, key: string): V | undefined {
  const hit = map.get(key);
  if (!hit) return undefined;
  if (hit.until > Date.now()) return hit;
  map.delete(key);
  return undefined;
}

function put<V>(map: Map<string, V>, key: string, value: V, max: number) {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}

const caches = new WeakMap<Db, IdentityCache>();

/** The cache of one database handle (one app); off until `useIdentityCache` turns it on. */
export function identityCache(db: Db): IdentityCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new IdentityCache(0)));
  return cache;
}

export function useIdentityCache(db: Db, ttlSeconds: number) {
  caches.set(db, new IdentityCache(ttlSeconds * 1000));
}

/** Call after a commit that changed sessions, accounts or tenant memberships. */
export function forgetIdentities(db: Db) {
  identityCache(db).forgetAll();
}
