import { and, eq, sql } from 'drizzle-orm';
import type { Me } from '../../../common/schemas/platform';
import { tenants, tenantUsers, users } from '../../db/schema';
import type { SessionUser } from '../../platform/context';
import type { Db } from '../../platform/db';
import { summaryColumns } from '../tenants/tenants.repository';

/** The account to check a password against: e-mail addresses match whatever their case. */
export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return user ?? null;
}

/** Who is signed in, and the local governments they may enter with their role in each. */
export async function meFor(db: Db, user: SessionUser): Promise<Me> {
  const cols = summaryColumns;
  const rows = user.isPlatformAdmin
    ? (await db.select(cols).from(tenants).orderBy(tenants.createdAt)).map((t) => ({ ...t, role: 'admin' as const }))
    : await db
        .select({ ...cols, role: tenantUsers.role })
        .from(tenantUsers)
        .innerJoin(tenants, eq(tenants.id, tenantUsers.tenantId))
        .where(and(eq(tenantUsers.userId, user.id), eq(tenantUsers.active, true)))
        .orderBy(tenants.createdAt);
  return { user: { ...user, mustChangePassword: user.mustChangePassword ?? false }, tenants: rows as Me['tenants'] };
}
