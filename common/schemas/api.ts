import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;

export const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
export interface ListResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** ISO calendar date (yyyy-mm-dd) that really exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: 'invalid_date' },
  );

export const uuid = z.uuid();
export const idParams = z.object({ tenant: z.string().max(64), id: z.uuid() });
export const tenantParams = z.object({ tenant: z.string().max(64) });

export const exportFormat = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
