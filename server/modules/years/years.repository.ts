import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

/** The fiscal years in which the tenant has plans, participation, hours or funds, newest first (reads only). */
export async function yearsWithData(tx: Tx, tenantId: string): Promise<number[]> {
  const found = await rows<{ y: number }>(
    tx,
    sql`
    select fiscal_year as y from plans where tenant_id = ${tenantId}
    union select fiscal_year from participation_records where tenant_id = ${tenantId}
    union select fiscal_year from volunteer_hours where tenant_id = ${tenantId}
    union select fiscal_year from budget_funds where tenant_id = ${tenantId}
    order by 1 desc`,
  );
  return found.map((r) => Number(r.y));
}
