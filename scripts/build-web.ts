// `npm start` and `npm run build:web`: build the web app only when its sources changed since the last build,
// then write brotli and gzip copies of every compressible asset next to it (served as they are, no work per
// request). `--force` builds anyway.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { precompressFolder } from '../server/platform/precompress';
import { prerenderPages } from './prerender';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist');
const stamp = path.join(dist, '.source-hash');
const INPUTS = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'scripts/prerender.ts',
  'web/postcss.config.cjs',
  'web/public',
  'common',
  'package-lock.json',
];

function hashInputs(): string {
  const hash = crypto.createHash('sha256');
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    else hash.update(path.relative(root, p)).update('\0').update(fs.readFileSync(p));
  };
  for (const input of INPUTS) visit(path.join(root, input));
  return hash.digest('hex');
}

/** Builds the web app when its sources changed since the last build (or always with `force`). */
export async function buildWebIfChanged(force: boolean): Promise<void> {
  const started = Date.now();
  const wanted = hashInputs();
  const built = fs.existsSync(path.join(dist, 'index.html')) && fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
  if (built === wanted && !force) {
    console.log(`web app up to date (sources unchanged since the last build; checked in ${Date.now() - started} ms)`);
    return;
  }
  execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  await prerenderPages(); // the login, public budget and dashboard pages drawn to HTML (web/dist/pages/)
  const { files, bytes, brotli, gzip } = precompressFolder(dist);
  fs.writeFileSync(stamp, wanted);
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  console.log(
    `web app built in ${((Date.now() - started) / 1000).toFixed(1)} s; ${files} files precompressed: ${kb(bytes)} → brotli ${kb(brotli)}, gzip ${kb(gzip)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildWebIfChanged(process.argv.includes('--force'));
