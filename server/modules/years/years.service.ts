import { sql } from 'drizzle-orm';
import { defaultFiscalYear } from '../../../common/thai/default-year';
import { fiscalYearOf } from '../../../common/thai/dates';
import type { FiscalYears } from '../../../common/schemas/years';
import { withTenant, type Db } from '../../platform/db';
import { rows } from '../../platform/sql';

/** The tenant's fiscal years with data and the default year every page opens on. */
export async function fiscalYears(db: Db, tenantId: string, today: Date = new Date()): Promise<FiscalYears> {
  return withTenant(db, tenantId, async (tx) => {
    const found = await rows<{ y: number }>(
      tx,
      sql`
      select fiscal_year as y from plans where tenant_id = ${tenantId}
      union select fiscal_year from participation_records where tenant_id = ${tenantId}
      union select fiscal_year from volunteer_hours where tenant_id = ${tenantId}
      union select fiscal_year from budget_funds where tenant_id = ${tenantId}
      order by 1 desc`,
    );
    const years = found.map((r) => Number(r.y));
    const current = fiscalYearOf(today);
    return { years, current, default: defaultFiscalYear(years, current) };
  });
}
