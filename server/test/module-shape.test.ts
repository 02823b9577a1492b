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
  ['platform/access-control.ts', /^\.\.\/modules\/auth\/sessions\.repository$/],
  ['platform/bootstrap.ts', /^\.\.\/modules\/auth\/passwords$/],
]);

/** Tables whose schema file is not named after the module that owns them. */
const OWNER_OVERRIDES: Record<string, string> = {
  parties: 'partners',
  party_relationships: 'relationships',
  tenants: 'tenants',
  users: 'users',
  tenant_users: 'users',
  sessions: 'auth',
  account_links: 'accounts',
  audit_log: 'audit',
};
/** table variable (drizzle) and table name (SQL) → owning module, read from server/db/schema/<module>.ts */
function tableOwners() {
  const byVar = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const f of filesUnder('db/schema', /\.ts$/)) {
    for (const [, variable, name] of read(f).matchAll(/export const (\w+) = pgTable\(\s*'(\w+)'/g)) {
      const owner = OWNER_OVERRIDES[name] ?? path.basename(f, '.ts');
      byVar.set(variable, owner);
      byName.set(name, owner);
    }
  }
  return { byVar, byName };
}
const moduleFiles = () =>
  filesUnder('modules', /\.ts$/)
    .map((f) => ({ file: f.split(path.sep).join('/'), module: f.split(path.sep)[1] }))
    .filter((f) => f.module && !f.module.endsWith('.ts'));

/**
 * Files that may join other modules' tables outside a repository: none now. Such a read belongs in a *.repository.ts
 * (or comes through the owning module's exported repository function); keep this list empty.
 */
const READS_OTHER_MODULES_OUTSIDE_REPOSITORY = new Set<string>([]);

/**
 * Files outside a repository that still build or run SQL (a `sql` template, `.execute(`, drizzle's query builder).
 * SQL belongs in the module's *.repository.ts; a service passes typed filters, not SQL fragments. The list may only
 * shrink: the test fails when a listed file no longer needs its place.
 */
const SQL_OUTSIDE_REPOSITORY = new Set<string>([]);
// `.update(` of a hash and `r.delete(` of a route take a string first; drizzle's builder takes a table or fields.
const RUNS_SQL = /\bsql`|\.execute\(|\.(?:select|insert|update|delete)\((?!\s*[`'])/;

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

  it("a module writes only its own tables; another module's rows change through that module's functions", () => {
    const { byVar, byName } = tableOwners();
    expect(byName.get('ledger_entries')).toBe('budget');
    const offenders: string[] = [];
    for (const { file, module } of moduleFiles()) {
      const src = read(file);
      for (const [, verb, table] of src.matchAll(/\.(insert|update|delete)\((\w+)\)/g))
        if (byVar.has(table) && byVar.get(table) !== module) offenders.push(`${file}: ${verb} ${table}`);
      for (const [, verb, table] of src.matchAll(/\b(insert\s+into|update|delete\s+from)\s+"?([a-z_]+)"?/gi))
        if (byName.has(table) && byName.get(table) !== module) offenders.push(`${file}: ${verb} ${table}`);
    }
    expect(offenders).toEqual([]);
  });

  it('outside a repository, a module reads only its own tables (the shrinking list aside)', () => {
    const { byVar, byName } = tableOwners();
    const offenders: string[] = [];
    for (const { file, module } of moduleFiles()) {
      if (file.endsWith('.repository.ts')) continue;
      const src = read(file);
      const foreign = new Set<string>();
      const imported = src.match(/import (?:type )?\{([^}]+)\} from '\.\.\/\.\.\/db\/schema'/);
      for (const name of imported?.[1].split(',').map((s) => s.trim()) ?? []) if (byVar.has(name) && byVar.get(name) !== module) foreign.add(name);
      for (const [, table] of src.matchAll(/\b(?:from|join)\s+"?([a-z_]+)"?/gi)) if (byName.has(table) && byName.get(table) !== module) foreign.add(table);
      if (foreign.size && !READS_OTHER_MODULES_OUTSIDE_REPOSITORY.has(file)) offenders.push(`${file}: ${[...foreign].join(', ')}`);
      if (!foreign.size && READS_OTHER_MODULES_OUTSIDE_REPOSITORY.has(file)) offenders.push(`${file} no longer needs its place on the list`);
    }
    expect(offenders).toEqual([]);
  });

  it('SQL lives in repositories: no other module file builds or runs it (the shrinking list aside)', () => {
    const offenders: string[] = [];
    for (const { file } of moduleFiles()) {
      if (file.endsWith('.repository.ts')) continue;
      const runsSql = RUNS_SQL.test(read(file));
      if (runsSql && !SQL_OUTSIDE_REPOSITORY.has(file)) offenders.push(`${file} builds or runs SQL`);
      if (!runsSql && SQL_OUTSIDE_REPOSITORY.has(file)) offenders.push(`${file} no longer needs its place on the list`);
    }
    expect(offenders).toEqual([]);
  });
});

/**
 * Web files that may reach into another feature's inner file, each with its reason; the list may only shrink.
 * The dashboard's first steps read two queries from accounts' and users' api.ts: through accounts' index.ts the
 * dashboard's first load would also carry CopyLink and its Mantine parts, over the 250 KB budget (bundle-size).
 */
const INNER_IMPORTS_STILL_ALLOWED = new Set<string>([
  'features/dashboard/FirstSteps.tsx → features/accounts/api',
  'features/dashboard/FirstSteps.tsx → features/users/api',
]);

describe('web shape', () => {
  const web = path.resolve(root, '../web/src');
  const webFiles = (dir: string) =>
    fs
      .readdirSync(path.join(web, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => path.join(dir, f));
  const importsOf = (f: string) =>
    [...fs.readFileSync(path.join(web, f), 'utf8').matchAll(/(?:from |^import )'(\.[^']+)'/gm)].map(([, spec]) => path.join(path.dirname(f), spec));

  it('imports run one way: app/ (the router) on top, features below it, then context/, ui/, api/ and i18n/', () => {
    const offenders: string[] = [];
    for (const dir of ['context', 'ui', 'api', 'i18n'])
      for (const f of webFiles(dir)) for (const target of importsOf(f)) if (/^(features|app)\//.test(target)) offenders.push(`${f} → ${target}`);
    for (const f of webFiles('features')) for (const target of importsOf(f)) if (target.startsWith('app/')) offenders.push(`${f} → ${target}`);
    expect(offenders).toEqual([]);
  });

  it("a feature uses another only through that feature's index.ts (what it exports for others) or its strings (i18n)", () => {
    const offenders: string[] = [];
    for (const f of webFiles('features')) {
      const own = f.split(path.sep)[1];
      for (const target of importsOf(f)) {
        const [top, feature, ...inner] = target.split(path.sep);
        if (top !== 'features' || feature === own) continue;
        const throughPublic = inner.length === 0 || inner[0] === 'i18n';
        if (!throughPublic && !INNER_IMPORTS_STILL_ALLOWED.has(`${f} → ${target}`)) offenders.push(`${f} → ${target}`);
      }
    }
    for (const entry of INNER_IMPORTS_STILL_ALLOWED)
      if (!webFiles('features').some((f) => importsOf(f).some((target) => `${f} → ${target}` === entry)))
        offenders.push(`${entry} no longer needs its place on the list`);
    expect([...new Set(offenders)]).toEqual([]);
  });

  it("a feature's index.ts re-exports no page (pages load lazily from the router; a re-exported page would join another chunk)", () => {
    const router = fs.readFileSync(path.join(web, 'app/router.tsx'), 'utf8');
    const pages = new Set([...router.matchAll(/import\('\.\.\/(features\/[^']+)'\)/g)].map(([, page]) => page));
    const offenders = webFiles('features')
      .filter((f) => path.basename(f) === 'index.ts')
      .flatMap((f) =>
        importsOf(f)
          .filter((target) => pages.has(target))
          .map((target) => `${f} → ${target}`),
      );
    expect(pages.size).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});
