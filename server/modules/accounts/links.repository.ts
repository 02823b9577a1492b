import crypto from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { accountLinks, tenantUsers, users } from '../../db/schema';
import type { Db, Tx } from '../../platform/db';

export type LinkKind = 'invitation' | 'password_reset';
export type LinkRow = typeof accountLinks.$inferSelect;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** Stores a new one-time link and returns its token (the only time the token exists in clear). */
export async function insertLink(db: Db | Tx, values: Omit<typeof accountLinks.$inferInsert, 'tokenHash'>): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db.insert(accountLinks).values({ ...values, tokenHash: sha256(token) });
  return token;
}

/** A link that is neither used nor expired. */
export async function findUsableLink(db: Db | Tx, token: string): Promise<LinkRow | null> {
  const [row] = await db
    .select()
    .from(accountLinks)
    .where(and(eq(accountLinks.tokenHash, sha256(token)), isNull(accountLinks.usedAt), gt(accountLinks.expiresAt, sql`now()`)))
    .limit(1);
  return row ?? null;
}

/** Marks the link used; false when another request used it first (a link works once). */
export async function claimLink(tx: Tx, token: string): Promise<boolean> {
  const rows = await tx
    .update(accountLinks)
    .set({ usedAt: new Date() })
    .where(and(eq(accountLinks.tokenHash, sha256(token)), isNull(accountLinks.usedAt), gt(accountLinks.expiresAt, sql`now()`)))
    .returning({ tokenHash: accountLinks.tokenHash });
  return rows.length === 1;
}

/** Earlier unused links of the same kind for the same person stop working when a new one is issued. */
export async function retireLinks(db: Db | Tx, kind: LinkKind, where: { userId?: string; email?: string; tenantId?: string }) {
  const conditions = [eq(accountLinks.kind, kind), isNull(accountLinks.usedAt)];
  if (where.userId) conditions.push(eq(accountLinks.userId, where.userId));
  if (where.email) conditions.push(sql`lower(${accountLinks.email}) = ${where.email.toLowerCase()}`);
  if (where.tenantId) conditions.push(eq(accountLinks.inviteTenantId, where.tenantId));
  await db
    .update(accountLinks)
    .set({ expiresAt: sql`least(${accountLinks.expiresAt}, now())` })
    .where(and(...conditions));
}

export async function pendingInvitations(db: Db, tenantId: string): Promise<LinkRow[]> {
  return db
    .select()
    .from(accountLinks)
    .where(
      and(eq(accountLinks.kind, 'invitation'), eq(accountLinks.inviteTenantId, tenantId), isNull(accountLinks.usedAt), gt(accountLinks.expiresAt, sql`now()`)),
    )
    .orderBy(asc(accountLinks.createdAt))
    .limit(200);
}

/** Ends a pending invitation of this tenant; the id the web knows is the first 16 hex digits of the hash. */
export async function revokeInvitation(db: Db, tenantId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(accountLinks)
    .set({ expiresAt: sql`now()` })
    .where(
      and(
        eq(accountLinks.kind, 'invitation'),
        eq(accountLinks.inviteTenantId, tenantId),
        isNull(accountLinks.usedAt),
        gt(accountLinks.expiresAt, sql`now()`),
        sql`left(${accountLinks.tokenHash}, 16) = ${id}`,
      ),
    )
    .returning({ tokenHash: accountLinks.tokenHash });
  return rows.length > 0;
}

export const publicLinkId = (row: LinkRow) => row.tokenHash.slice(0, 16);

export async function findUserByEmail(db: Db | Tx, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return row ?? null;
}

/** Tenants an account belongs to (any state), read as the owner across tenants. */
export async function membershipsOf(db: Db | Tx, userId: string): Promise<{ tenantId: string; active: boolean }[]> {
  return db.select({ tenantId: tenantUsers.tenantId, active: tenantUsers.active }).from(tenantUsers).where(eq(tenantUsers.userId, userId));
}
