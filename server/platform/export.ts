import type { FastifyReply } from 'fastify';
import { toCsv, toXlsx, type Column } from './spreadsheet';

/** Send rows as a CSV or XLSX download named `<name>-<yyyy-mm-dd>.<ext>`. */
export async function sendTable<T>(reply: FastifyReply, format: 'csv' | 'xlsx', rows: T[], columns: Column<T>[], name: string, sheet: string) {
  const file = `${name}-${new Date().toISOString().slice(0, 10)}`;
  if (format === 'xlsx') {
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${file}.xlsx"`)
      .send(await toXlsx(rows, columns, sheet));
  }
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}.csv"`).send(toCsv(rows, columns));
}
