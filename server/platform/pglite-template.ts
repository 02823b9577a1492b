/**
 * A migrated, empty PGlite database kept once per checkout, copied into a new data folder instead of
 * running PGlite's initdb and every migration there (issue 12: on an empty data folder initdb alone took
 * 17–30 s of a 2-core machine under load; copying the 40 MB folder takes well under a second).
 *
 * The template lives in node_modules/.cache/phakhi/ under a key made of the PGlite version and the migration
 * files, so a new migration or a PGlite upgrade makes a new template (older ones are removed). It holds no
 * secret and no row: the platform admin, the citizen-ID key and the demo are made per data folder, after
 * the copy. `npm run build` prepares it; otherwise the first start that needs it makes it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = path.join(ROOT, 'node_modules/.cache/phakhi');
const MIGRATIONS = path.join(ROOT, 'server/db/migrations');

function templateKey(): string {
  const hash = crypto.createHash('sha256');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  hash.update(`pglite ${pkg.version}\0`);
  const visit = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) visit(full);
      else hash.update(path.relative(MIGRATIONS, full)).update('\0').update(fs.readFileSync(full));
    }
  };
  visit(MIGRATIONS);
  return hash.digest('hex').slice(0, 16);
}

/** The template's folder for the current PGlite and migrations (it may not exist yet). */
export function templateDir(): string {
  return path.join(CACHE, `pglite-${templateKey()}`);
}

/**
 * Makes the template when it is missing: `create(dir)` opens a PGlite database in an empty folder and runs the
 * migrations, then closes it. Built beside its final name and renamed, so two processes starting together
 * never see half a template.
 */
export async function ensureTemplate(create: (dir: string) => Promise<void>): Promise<string> {
  const dir = templateDir();
  if (fs.existsSync(dir)) return dir;
  fs.mkdirSync(CACHE, { recursive: true });
  const building = `${dir}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  try {
    await create(building);
    try {
      fs.renameSync(building, dir);
    } catch (err) {
      if (!fs.existsSync(dir)) throw err; // another process finished first: use theirs
    }
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
  // templates of earlier migrations or PGlite versions
  for (const name of fs.readdirSync(CACHE)) {
    const full = path.join(CACHE, name);
    if (name.startsWith('pglite-') && full !== dir && !name.includes('.')) fs.rmSync(full, { recursive: true, force: true });
  }
  return dir;
}

/** True when the database folder has nothing in it yet (a new data folder). */
export function isEmptyFolder(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Copies the template into a new database folder. */
export function copyTemplate(template: string, dir: string): void {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.cpSync(template, dir, { recursive: true });
}
