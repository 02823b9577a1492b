import crypto from 'node:crypto';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db';
import { sessions, users } from '../../db/schema';
import type { SessionUser } from '../../platform/context';
import { forgetIdentities, identityCache } from '../../platform/identity-cache';

export const SESSION_COOKIE = 'phakhi_session';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export async function createSession(db: Db, userId: string, ttlHours: number): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({ tokenHash: sha256(token), userId, expiresAt });
  // housekeeping: drop this user's expired sessions
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
  return { token, expiresAt };
}

/** The user of a live session (active account), from the identity cache when it is there. */
export async function findSessionUser(db: Db, token: string): Promise<SessionUser | null> {
  const cache = identityCache(db);
  const tokenHash = sha256(token);
  const known = cache.sessionUser(tokenHash);
  if (known) return known;
  const generation = cache.begin();
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
      mustChangePassword: users.mustChangePassword,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)))
    .limit(1);
  if (!rows[0]) return null;
  const { expiresAt, ...user } = rows[0];
  cache.putSessionUser(generation, tokenHash, user, expiresAt);
  return user;
}

export const sessionTokenHash = sha256;

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
  forgetIdentities(db);
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  forgetIdentities(db);
}

/** Ends every session of an account, except the one making the request when it is kept; the caller forgets identities after commit. */
export async function endSessionsOf(q: Db | Tx, userId: string, keepTokenHash?: string | null): Promise<void> {
  await q.delete(sessions).where(keepTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)) : eq(sessions.userId, userId));
}
