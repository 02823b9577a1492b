import type { Rng } from './rng';

/**
 * Thai 13-digit citizen identification numbers (เลขประจำตัวประชาชน).
 * Digit 1: person category (1 = Thai born and registered on time after 1984, 3 = Thai already in a
 * house register in 1984). Digits 2–5: registration office (province + district; 5019 = Saraphi,
 * Chiang Mai). Digits 6–12: book and sequence. Digit 13: mod-11 check digit.
 * The numbers are synthetic; they only look real.
 */
export function citizenIdCheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error('need 12 digits');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

export function isValidCitizenId(id: string): boolean {
  return /^\d{13}$/.test(id) && citizenIdCheckDigit(id.slice(0, 12)) === Number(id[12]);
}

export function makeCitizenId(rng: Rng, category: 1 | 3, office = '5019'): string {
  const first12 = `${category}${office}${rng.digits(5)}${rng.digits(2)}`;
  return first12 + String(citizenIdCheckDigit(first12));
}
