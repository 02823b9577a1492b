import type { TFunction } from 'i18next';
import type { Pillar, Stage } from '../../../common/schemas/enums';

/** Select options for an enumeration, labelled through i18n (`enum.<name>.<value>`). */
export function enumOptions(t: TFunction, name: string, values: readonly string[]) {
  return values.map((v) => ({ value: v, label: t(`enum.${name}.${v}`) }));
}

export function enumLabel(t: TFunction, name: string, value: string | null | undefined): string {
  if (!value) return '';
  return t(`enum.${name}.${value}`, { defaultValue: value });
}

export const PILLAR_COLORS: Record<Pillar, string> = { local: 'blue', locality: 'grape', people: 'teal' };
export const STAGE_COLORS: Record<Stage, string> = { seek: 'gray', develop: 'violet', build: 'indigo', sustain: 'cyan' };
