import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import type { PasswordStrength } from '../../../common/schemas/accounts';
import { AppError } from '../../platform/errors';

// zxcvbn-ts with the common and English dictionaries (passwords people actually use, names, keyboard walks,
// l33t spellings). Feedback comes back as keys; the web words them in Thai or English.
// l33tMaxSubstitutions: the l33t matcher tries combinations of substitutions; at the default 100 a 100-character
// password of digits or symbols (`1234567890` repeated, `P@ssw0rd!` repeated) cost 4–6 s of the event loop
// on this public route (found by the fuzz test, issue 15); at 10 it is ~10× less and l33t words are still found.
const estimator = new ZxcvbnFactory({
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
  l33tMaxSubstitutions: 10,
});
/** Characters estimated: a 64-character prefix decides as well as the whole password and bounds the work. */
export const ESTIMATED_LENGTH = 64;

/** Score 3 ("safely unguessable: moderate protection from offline slow-hash attacks") is the bar. */
export const MIN_SCORE = 3;

export function estimatePassword(password: string, userInputs: string[] = []): PasswordStrength {
  // beyond ESTIMATED_LENGTH characters the estimate does not change a decision and only costs time
  const result = estimator.check(password.slice(0, ESTIMATED_LENGTH), userInputs.flatMap(splitInput));
  const warnings = [result.feedback.warning, ...result.feedback.suggestions].filter((x): x is string => Boolean(x));
  const longEnough = password.length >= 10;
  if (!longEnough) warnings.unshift('password_too_short');
  return { score: result.score, acceptable: longEnough && result.score >= MIN_SCORE, warnings };
}

/** The e-mail, its local part, the name and each of their words count as guessable. */
function splitInput(input: string): string[] {
  const lower = input.toLowerCase().trim();
  const words = lower.split(/[@.\s_-]+/).filter((w) => w.length >= 3);
  return [lower, lower.split('@')[0], lower.replace(/\s+/g, ''), ...words].filter((w) => w.length >= 3);
}

/** Refuses a weak password with a field message on `field`. */
export function assertStrongPassword(password: string, userInputs: string[], field = 'password'): void {
  const { acceptable, score } = estimatePassword(password, userInputs);
  if (!acceptable)
    throw new AppError('validation_failed', { [field]: password.length < 10 ? 'password_too_short' : score < 2 ? 'password_weak' : 'password_fair' });
}
