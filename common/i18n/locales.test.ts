import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = { [key: string]: string | Messages };

const root = join(import.meta.dirname, '..', '..', 'web', 'src');

function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

/** Plural forms differ by language (English has _one/_other, Thai one form): compare the base key. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

function localeDirs(): string[] {
  const features = join(root, 'features');
  const dirs = [join(root, 'i18n')];
  for (const name of readdirSync(features)) {
    const dir = join(features, name, 'i18n');
    if (existsSync(dir)) dirs.push(dir);
  }
  return dirs;
}

describe('web locale files', () => {
  for (const dir of localeDirs()) {
    it(`${dir.slice(root.length + 1)}: Thai and English have the same keys and no empty strings`, () => {
      const th = JSON.parse(readFileSync(join(dir, 'th.json'), 'utf8')) as Messages;
      const en = JSON.parse(readFileSync(join(dir, 'en.json'), 'utf8')) as Messages;
      const thKeys = [...new Set(keys(th).map(base))].sort();
      const enKeys = [...new Set(keys(en).map(base))].sort();
      expect(
        enKeys.filter((k) => !thKeys.includes(k)),
        'only in en.json',
      ).toEqual([]);
      expect(
        thKeys.filter((k) => !enKeys.includes(k)),
        'only in th.json',
      ).toEqual([]);
      const empty = keys(th).filter((k) => k.split('.').reduce<Messages | string>((m, p) => (m as Messages)[p]!, th) === '');
      expect(empty, 'empty Thai strings').toEqual([]);
    });
  }
});
