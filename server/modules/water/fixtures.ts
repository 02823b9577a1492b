import { expect } from 'vitest';
import { MESSAGES } from '../../platform/messages';
import { todayInThailand } from '../../platform/today';

/**
 * What the water, regulations and local plans API tests share (test-only, like budget's fixtures.ts): the answer's field errors
 * as message keys, dates relative to today in Thailand and a checked answer.
 */

/** The field errors of a 4xx answer, as message keys (`{ endsOn: 'end_before_start' }`), whatever the language. */
export const fieldsOf = (res: { json(): { error: { fields: Record<string, string> } } }) =>
  Object.fromEntries(Object.entries(res.json().error.fields).map(([k, v]) => [k, Object.keys(MESSAGES).find((key) => MESSAGES[key].th === v) ?? v]));

/** yyyy-mm-dd, `days` from today in Thailand. */
export const day = (days: number) => new Date(Date.parse(`${todayInThailand()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The answer's JSON, after checking its status (the body is the failure message). */
export async function ok<T = never>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}
