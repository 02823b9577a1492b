import { z } from 'zod';

export const fiscalYears = z.object({
  /** Fiscal years (B.E.) that hold plans, participation, volunteer hours or budget funds, newest first. */
  years: z.array(z.number().int()),
  /** Today's fiscal year. */
  current: z.number().int(),
  /** Where every page opens when no year is asked for (`defaultFiscalYear`). */
  default: z.number().int(),
});
export type FiscalYears = z.infer<typeof fiscalYears>;
