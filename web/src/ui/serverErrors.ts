import { ApiError } from '../api/client';
import { focusFirstError } from './focusError';

type FieldErrors = Record<string, string>;

/** "parties.0.partyId" → "parties", "networkIds.2" → "networkIds": an array's messages show on the field that holds it. */
export function collapseArrayPaths(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(fields)) out[path.replace(/\.\d+(\..*)?$/, '')] ??= message;
  return out;
}

/**
 * Puts the server's field messages (a 400's `fields`) on the form and moves focus to the first; `rename` maps the API's
 * field names onto the form's where they differ. True when the error had field messages (the form shows them), false
 * otherwise (show the error as an alert).
 */
export function showServerFieldErrors(setErrors: (errors: FieldErrors) => void, err: unknown, rename?: (fields: FieldErrors) => FieldErrors): boolean {
  if (!(err instanceof ApiError) || !Object.keys(err.fields).length) return false;
  setErrors(rename ? rename(err.fields) : err.fields);
  focusFirstError();
  return true;
}
