import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The shape every module keeps (docs/ARCHITECTURE.md): routes validate and call a service; SQL lives in
// services and repositories, never in a routes file; platform/ sits below the modules.
const root = path.resolve(import.meta.dirname, '..');
const filesUnder = (dir: string, pattern: RegExp) =>
  fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f) && !f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

/** platform/ files that know modules on purpose: the message registry, and sign-in (sessions, the first admin's password). */
const PLATFORM_MAY_IMPORT = new Map([
  ['platform/messages.ts', /^\.\.\/modules\/[a-z]+\/messages$/],
  ['platform/access-control.ts', /^\.\.\/modules\/auth\/sessions$/],
  ['platform/bootstrap.ts', /^\.\.\/modules\/auth\/passwords$/],
]);

describe('module shape', () => {
  it('no routes file runs SQL or reads tables', () => {
    const routes = filesUnder('modules', /\.routes\.ts$/);
    expect(routes.length).toBeGreaterThan(15);
    const offenders = routes.filter((f) => /from 'drizzle-orm'|\/db\/schema'|\.execute\(/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('platform/ does not import modules, except the registry and sign-in pieces it exists for', () => {
    const offenders: string[] = [];
    for (const f of filesUnder('platform', /\.ts$/)) {
      for (const [, spec] of read(f).matchAll(/from '([^']+)'/g)) {
        if (!spec.includes('/modules/')) continue;
        const allowed = PLATFORM_MAY_IMPORT.get(f.split(path.sep).join('/'));
        if (!allowed?.test(spec)) offenders.push(`${f} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
