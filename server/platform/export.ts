import type { FastifyReply } from 'fastify';
import { toCsv, toXlsx, type Column } from './spreadsheet';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `<name>-<yyyy-mm-dd>`: a download's name with the day it was made. */
export const datedName = (name: string) => `${name}-${new Date().toISOString().slice(0, 10)}`;

/** Send a workbook as the download `<file>.xlsx`. */
export const sendXlsx = (reply: FastifyReply, file: string, workbook: Buffer) =>
  reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${file}.xlsx"`).send(workbook);

/** Send rows as a CSV or XLSX download named `<name>-<yyyy-mm-dd>.<ext>`. */
export async function sendTable<T>(reply: FastifyReply, format: 'csv' | 'xlsx', rows: T[], columns: Column<T>[], name: string, sheet: string) {
  const file = datedName(name);
  if (format === 'xlsx') return sendXlsx(reply, file, await toXlsx(rows, columns, sheet));
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}.csv"`).send(toCsv(rows, columns));
}
