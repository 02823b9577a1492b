import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { tenantUsers, users } from '../../db/schema';
import type { Db, Tx } from '../../platform/db';
import { likePattern } from '../../platform/sql';

/** All SQL on accounts (`users`) and memberships (`tenant_users`); the accounts and auth modules come here too. */

export type Account = typeof users.$inferSelect;
export type MemberRow = { id: string; email: string; name: string; role: string; active: boolean; partyId: string | null; createdAt: Date };
type Queryable = Db | Tx;

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: tenantUsers.role,
  active: tenantUsers.active,
  partyId: tenantUsers.partyId,
  createdAt: tenantUsers.createdAt,
};

function members(q: Queryable, tenantId: string, extra?: SQL) {
  return q
    .select(memberColumns)
    .from(tenantUsers)
    .innerJoin(users, eq(users.id, tenantUsers.userId))
    .where(and(eq(tenantUsers.tenantId, tenantId), extra));
}

const searchFilter = (text: string | undefined) => (text ? or(ilike(users.name, likePattern(text)), ilike(users.email, likePattern(text))) : undefined);

export async function listMembers(tx: Tx, tenantId: string, text: string | undefined, page: number, pageSize: number) {
  // one after the other: a transaction is one connection, and pg refuses overlapping queries
  const rows = await members(tx, tenantId, searchFilter(text))
    .orderBy(asc(users.name), asc(users.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total }] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(tenantUsers)
    .innerJoin(users, eq(users.id, tenantUsers.userId))
    .where(and(eq(tenantUsers.tenantId, tenantId), searchFilter(text)));
  return { rows: rows as MemberRow[], total };
}

export async function findMember(q: Queryable, tenantId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await members(q, tenantId, eq(users.id, userId));
  return row as MemberRow | undefined;
}

/** The account behind a membership, with what a reset decision needs. */
export async function findMemberAccount(q: Queryable, tenantId: string, userId: string) {
  const [row] = await q
    .select({ id: users.id, email: users.email, name: users.name, isPlatformAdmin: users.isPlatformAdmin })
    .from(tenantUsers)
    .innerJoin(users, eq(users.id, tenantUsers.userId))
    .where(and(eq(tenantUsers.tenantId, tenantId), eq(tenantUsers.userId, userId)))
    .limit(1);
  return row;
}

export async function findAccountById(q: Queryable, userId: string): Promise<Account | undefined> {
  const [row] = await q.select().from(users).where(eq(users.id, userId)).limit(1);
  return row;
}

export async function emailTaken(q: Queryable, email: string): Promise<boolean> {
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return rows.length > 0;
}

export async function insertAccount(
  q: Queryable,
  values: { email: string; name: string; passwordHash: string; mustChangePassword?: boolean; passwordChangedAt?: Date },
): Promise<Account> {
  const [row] = await q.insert(users).values(values).returning();
  return row;
}

export async function deleteAccount(q: Queryable, userId: string) {
  await q.delete(users).where(eq(users.id, userId));
}

export async function renameAccount(q: Queryable, userId: string, name: string) {
  await q.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function setPassword(q: Queryable, userId: string, passwordHash: string) {
  await q.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function insertMembership(q: Queryable, m: { tenantId: string; userId: string; role: string; partyId: string | null }) {
  await q.insert(tenantUsers).values(m);
}

/** Joining again (an invitation accepted by a former member) reactivates the membership with the new role. */
export async function upsertMembership(q: Queryable, m: { tenantId: string; userId: string; role: string; partyId: string | null }) {
  await q
    .insert(tenantUsers)
    .values(m)
    .onConflictDoUpdate({ target: [tenantUsers.tenantId, tenantUsers.userId], set: { role: m.role, active: true, partyId: m.partyId } });
}

export async function updateMembership(
  q: Queryable,
  tenantId: string,
  userId: string,
  changes: Partial<{ role: string; active: boolean; partyId: string | null }>,
) {
  if (!Object.keys(changes).length) return;
  await q
    .update(tenantUsers)
    .set(changes)
    .where(and(eq(tenantUsers.tenantId, tenantId), eq(tenantUsers.userId, userId)));
}

/** The first platform admin (the actor the command line acts as), if there is one. */
export async function findPlatformAdmin(q: Queryable): Promise<Account | undefined> {
  const [row] = await q.select().from(users).where(eq(users.isPlatformAdmin, true)).limit(1);
  return row;
}

export async function emailOf(q: Queryable, userId: string): Promise<string | undefined> {
  const [row] = await q.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email;
}
