import { defaultFiscalYear } from '../../../common/thai/default-year';
import { fiscalYearOf } from '../../../common/thai/dates';
import type { FiscalYears } from '../../../common/schemas/years';
import { withTenant, type Db } from '../../platform/db';
import { yearsWithData } from './years.repository';

/** The tenant's fiscal years with data and the default year every page opens on. */
export async function fiscalYears(db: Db, tenantId: string, today: Date = new Date()): Promise<FiscalYears> {
  return withTenant(db, tenantId, async (tx) => {
    const years = await yearsWithData(tx, tenantId);
    const current = fiscalYearOf(today);
    return { years, current, default: defaultFiscalYear(years, current) };
  });
}
