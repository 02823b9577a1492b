import type { SQL } from 'drizzle-orm';
import { withTenant, type Db } from '../platform/db';
import { rows } from '../platform/sql';

/** One read in its own tenant transaction: how the demo seeds look up what earlier steps made. */
export const tenantRows = <T>(db: Db, tenantId: string, query: SQL): Promise<T[]> => withTenant(db, tenantId, (tx) => rows<T>(tx, query));
