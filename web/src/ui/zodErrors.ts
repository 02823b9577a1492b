import type { TFunction } from 'i18next';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function issueText(issue: Issue, t: TFunction): string {
  const key = `validation.${issue.message}`;
  if (/^[a-z_]+$/.test(issue.message) && t(key, { defaultValue: '' })) return t(key);
  switch (issue.code) {
    case 'invalid_type':
      return t('validation.required');
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('validation.required');
      if (issue.origin === 'string') return t('validation.minChars', { count: Number(issue.minimum) });
      if (issue.origin === 'array') return t('validation.minItems', { count: Number(issue.minimum) });
      return t('validation.minValue', { count: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxChars', { count: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.maxItems', { count: Number(issue.maximum) });
      return t('validation.maxValue', { count: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.invalid_email') : t('validation.invalid');
    case 'invalid_value':
      return t('validation.chooseOne');
    default:
      return t('validation.invalid');
  }
}

/**
 * Validate `data` with a shared zod schema and return form errors keyed by field path
 * ("address.province"); array element paths collapse onto the array ("tags.0" → "tags").
 */
export function zodFieldErrors(schema: z.ZodType, data: unknown, t: TFunction): Record<string, string> {
  const r = schema.safeParse(data);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const path =
      issue.path
        .filter((p) => typeof p !== 'number')
        .map(String)
        .join('.') || '_root';
    if (!out[path]) out[path] = issueText(issue, t);
  }
  return out;
}
