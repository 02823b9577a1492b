import { useState } from 'react';
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

/**
 * A form's answer to a failed save, in one place: `onError` (a mutation's) keeps the error and puts the server's field
 * messages on the form, focusing the first; `error` is what to show in an ErrorAlert; `clear()` when a save starts.
 * `form` is a Mantine form or anything with setErrors; `rename` as in showServerFieldErrors.
 */
export function useServerErrors(form: { setErrors: (errors: FieldErrors) => void }, rename?: (fields: FieldErrors) => FieldErrors) {
  const [error, setError] = useState<unknown>(null);
  return {
    error,
    setError,
    clear: () => setError(null),
    /** True when the error's field messages are on the form. */
    onError: (err: unknown): boolean => {
      setError(err);
      return showServerFieldErrors(form.setErrors, err, rename);
    },
  };
}

/** The error to show as an alert: null when its field messages are on the form already (a 400 with fields). */
export function errorWithoutFields(err: unknown): unknown {
  return err instanceof ApiError && Object.keys(err.fields).length ? null : err;
}

/** A failed save's field messages (a 400's `fields`), none otherwise: for a form that reads them off the mutation's error. */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  return err instanceof ApiError ? err.fields : {};
}
