import type { z } from 'zod';

export type AppErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'tenant_not_found'
  | 'conflict'
  | 'email_taken'
  | 'invalid_credentials'
  | 'account_disabled'
  | 'rate_limited'
  | 'bad_origin'
  | 'payload_too_large'
  | 'unsupported_file'
  | 'import_has_errors'
  | 'link_invalid'
  | 'password_change_required'
  | 'reset_needs_platform_admin'
  | 'internal';

export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_disabled: 403,
  forbidden: 403,
  bad_origin: 403,
  not_found: 404,
  tenant_not_found: 404,
  conflict: 409,
  email_taken: 409,
  payload_too_large: 413,
  unsupported_file: 415,
  import_has_errors: 422,
  link_invalid: 410,
  password_change_required: 403,
  reset_needs_platform_admin: 403,
  rate_limited: 429,
  internal: 500,
};

/**
 * A failure the client can act on. `fields` maps a field path ("address.province") to a message
 * key (see server/platform/messages.ts) that the error handler translates.
 */
export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    public readonly fields?: Record<string, string>,
    public readonly details?: unknown,
  ) {
    super(code);
  }
}

/** Raised by the request validator; carries zod issues so messages can be localised per request. */
export class RequestValidationError extends Error {
  constructor(
    public readonly issues: z.core.$ZodIssue[],
    public readonly part: string,
  ) {
    super('validation_failed');
  }
}

/** Refuse the request when a check found anything wrong: `fields` maps each field path to its message key. */
export function refuseFields(fields: Record<string, string>, code: AppErrorCode = 'validation_failed'): void {
  if (Object.keys(fields).length) throw new AppError(code, fields);
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');

/** Refuse a date range whose end (yyyy-mm-dd) comes before its start, naming the end field. */
export function assertDateOrder(start: string | null | undefined, end: string | null | undefined, endField = 'endDate'): void {
  if (start && end && end < start) throw new AppError('validation_failed', { [endField]: 'end_before_start' });
}
