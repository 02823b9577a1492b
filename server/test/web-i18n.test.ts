/**
 * The web app's feature strings load with the code that shows them (web/src/i18n/index.ts, issue 12): a module
 * that names a key of feature F's own strings (`features/F/i18n/{th,en}.json`) must import `features/F/i18n`,
 * or the page shows the raw key. Menu labels, enumerations and audit names, the header's bell (`nav`,
 * `enum`, `audit`, `resolution`, `bell`) are loaded with the entry from `features/F/i18n/global/` and must not be in the lazy files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '../../web/src');
const FEATURES = path.join(WEB, 'features');
const GLOBAL_SECTIONS = ['nav', 'enum', 'audit', 'resolution', 'bell'];

const features = fs.readdirSync(FEATURES).filter((f) => fs.existsSync(path.join(FEATURES, f, 'i18n/th.json')));
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'i18n' ? [] : modules(full);
    return /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [full] : [];
  });
}

describe('web feature strings load with their code', () => {
  it('every module that uses a feature’s own keys imports that feature’s i18n', () => {
    const missing: string[] = [];
    for (const file of [...modules(WEB)]) {
      const src = fs.readFileSync(file, 'utf8');
      for (const feature of features) {
        const sections = Object.keys(read(path.join(FEATURES, feature, 'i18n/th.json')));
        const uses = sections.some((s) => new RegExp(`['"\`]${s}\\.`).test(src));
        let rel = path
          .relative(path.dirname(file), path.join(FEATURES, feature, 'i18n'))
          .split(path.sep)
          .join('/');
        if (!rel.startsWith('.')) rel = `./${rel}`;
        const imports = src.includes(`import '${rel}';`);
        if (uses && !imports) missing.push(`${path.relative(WEB, file)} uses ${feature} strings without import '${rel}'`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the lazy files hold no section the shell needs, and each has its English file', () => {
    for (const feature of features) {
      for (const dir of ['i18n', 'i18n/global']) {
        const th = path.join(FEATURES, feature, dir, 'th.json');
        if (!fs.existsSync(th)) continue;
        const thData = read(th);
        if (dir === 'i18n')
          expect(
            Object.keys(thData).filter((k) => GLOBAL_SECTIONS.includes(k)),
            `${feature}/${dir}`,
          ).toEqual([]);
        else
          expect(
            Object.keys(thData).filter((k) => !GLOBAL_SECTIONS.includes(k)),
            `${feature}/${dir}`,
          ).toEqual([]);
        expect(fs.existsSync(path.join(FEATURES, feature, dir, 'en.json')), `${feature}/${dir}/en.json`).toBe(true);
      }
    }
  });
});
