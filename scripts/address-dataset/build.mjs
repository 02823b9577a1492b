#!/usr/bin/env node
/**
 * Regenerates common/thai/address-data.json from the npm package
 * `thai-address-universal` (ISC licence; data derived from
 * `thai-address-database`, i.e. the Thailand Post province / district /
 * subdistrict / postcode list).
 *
 * The source package is NOT a project dependency. By default this script
 * installs the pinned version into a throw-away temp directory with the
 * ordinary npm client, reads its data, and deletes the directory again.
 *
 * Usage (from the repo root):
 *   node scripts/address-dataset/build.mjs                  # write the vendored file
 *   node scripts/address-dataset/build.mjs --check          # exit 1 if the vendored file is stale
 *   node scripts/address-dataset/build.mjs --version 2.3.0  # try another source version
 *   node scripts/address-dataset/build.mjs --from /tmp/addr # use an existing install
 *                                       (a dir whose node_modules/ holds the package)
 *
 * Output format (see common/thai/README.md):
 *   { "meta": {...}, "provinces": [[th, en, [[th, en, [[th, en, postcode | postcode[]], ...]], ...]], ...] }
 * The file is then formatted with the repo's Prettier (so `npm run format` is a
 * no-op on it); either way one entry per line keeps data-release diffs readable.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE_PACKAGE = 'thai-address-universal';
const DEFAULT_VERSION = '2.2.0';
const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_FILE = resolve(HERE, '../../common/thai/address-data.json');

function parseArgs(argv) {
  const args = { version: DEFAULT_VERSION, from: undefined, check: false, out: OUT_FILE };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') args.check = true;
    else if (a === '--version') args.version = argv[++i];
    else if (a === '--from') args.from = resolve(argv[++i]);
    else if (a === '--out') args.out = resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/address-dataset/build.mjs [--check] [--version X] [--from DIR] [--out FILE]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  return args;
}

/** Installs the source package into a temp dir (outside the repo) and returns that dir. */
function installSource(version) {
  const dir = mkdtempSync(join(tmpdir(), 'phakhi-address-src-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'address-src', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--silent', `${SOURCE_PACKAGE}@${version}`], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return dir;
}

async function loadRows(dir) {
  const pkgDir = join(dir, 'node_modules', SOURCE_PACKAGE);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const entry = join(pkgDir, pkg.exports?.['.']?.import?.default ?? pkg.module ?? pkg.main);
  // The library picks its language from this variable in Node; make sure we start in Thai.
  delete process.env.THAI_ADDRESS_UNIVERSAL;
  const T = await import(pathToFileURL(entry).href);
  await T.getProvinceAll(); // initialises the Thai database
  await T.setEngMode(false);
  const th = T.getDatabase().slice();
  await T.setEngMode(true);
  const en = T.getDatabase().slice();
  await T.setEngMode(false);
  if (th.length === 0 || th.length !== en.length) {
    throw new Error(`unexpected source shape: ${th.length} Thai rows vs ${en.length} English rows`);
  }
  for (let i = 0; i < th.length; i++) {
    if (th[i].postal_code !== en[i].postal_code) throw new Error(`Thai/English rows misaligned at ${i}`);
  }
  return { version: pkg.version, license: pkg.license, th, en };
}

const clean = (s) =>
  String(s ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();

function buildTree({ th, en }) {
  /** @type {Map<string, {en: string, districts: Map<string, {en: string, subs: Map<string, {en: string, postcodes: Set<number>}>}>}>} */
  const provinces = new Map();
  let skippedNoPostcode = 0;
  for (let i = 0; i < th.length; i++) {
    const t = th[i];
    const e = en[i];
    const pc = clean(t.postal_code);
    if (!/^[1-9]\d{4}$/.test(pc)) {
      // 43 Chumphon islands in thai-address-universal 2.2.0 carry no postcode: not addressable, drop them.
      skippedNoPostcode++;
      continue;
    }
    const [pTh, dTh, sTh] = [clean(t.province), clean(t.district), clean(t.sub_district)];
    const [pEn, dEn, sEn] = [clean(e.province), clean(e.district), clean(e.sub_district)];
    if (!pTh || !dTh || !sTh) throw new Error(`empty Thai name in row ${i}`);
    let p = provinces.get(pTh);
    if (!p) provinces.set(pTh, (p = { en: pEn, districts: new Map() }));
    let d = p.districts.get(dTh);
    if (!d) p.districts.set(dTh, (d = { en: dEn, subs: new Map() }));
    let s = d.subs.get(sTh);
    if (!s) d.subs.set(sTh, (s = { en: sEn, postcodes: new Set() }));
    s.postcodes.add(Number(pc));
  }
  return { provinces, skippedNoPostcode };
}

function serialise(tree, meta) {
  const coll = new Intl.Collator('th');
  const byKey = (a, b) => coll.compare(a[0], b[0]);
  const provinces = [...tree.provinces].sort(byKey).map(([pTh, p]) => [
    pTh,
    p.en,
    [...p.districts].sort(byKey).map(([dTh, d]) => [
      dTh,
      d.en,
      [...d.subs].sort(byKey).map(([sTh, s]) => {
        const pcs = [...s.postcodes].sort((a, b) => a - b);
        return [sTh, s.en, pcs.length === 1 ? pcs[0] : pcs];
      }),
    ]),
  ]);
  const lines = [];
  lines.push('{');
  lines.push(`"meta":${JSON.stringify(meta)},`);
  lines.push('"provinces":[');
  provinces.forEach(([pTh, pEn, districts], pi) => {
    lines.push(`[${JSON.stringify(pTh)},${JSON.stringify(pEn)},[`);
    districts.forEach((d, di) => lines.push(JSON.stringify(d) + (di < districts.length - 1 ? ',' : '')));
    lines.push(']]' + (pi < provinces.length - 1 ? ',' : ''));
  });
  lines.push(']');
  lines.push('}');
  return { text: lines.join('\n') + '\n', provinces };
}

/**
 * Formats the output with the repo's own Prettier (and its config, if any) so
 * that `prettier --check .` / `npm run format` leave the vendored file alone.
 * Without Prettier installed the compact one-district-per-line layout is kept.
 */
async function prettify(text, filepath) {
  let prettier;
  try {
    prettier = await import('prettier');
  } catch {
    console.error('prettier not found; writing the compact layout');
    return text;
  }
  const config = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(text, { ...config, filepath });
}

function sanityCheck(provinces) {
  const counts = { provinces: provinces.length, districts: 0, subdistricts: 0, postcodes: new Set() };
  for (const [, , ds] of provinces) {
    counts.districts += ds.length;
    for (const [, , ss] of ds) {
      counts.subdistricts += ss.length;
      for (const s of ss) for (const pc of [s[2]].flat()) counts.postcodes.add(pc);
    }
  }
  const find = (p, d, s) =>
    provinces
      .find((x) => x[0] === p)?.[2]
      .find((x) => x[0] === d)?.[2]
      .find((x) => x[0] === s);
  const chomphu = find('เชียงใหม่', 'สารภี', 'ชมภู');
  if (!chomphu || ![chomphu[2]].flat().includes(50140)) throw new Error('sanity: ชมภู/สารภี/เชียงใหม่/50140 missing');
  if (counts.provinces !== 77) throw new Error(`sanity: expected 77 provinces, got ${counts.provinces}`);
  if (counts.districts < 900) throw new Error(`sanity: only ${counts.districts} districts`);
  if (counts.subdistricts < 7000) throw new Error(`sanity: only ${counts.subdistricts} subdistricts`);
  return { ...counts, postcodes: counts.postcodes.size };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = args.from ?? installSource(args.version);
  try {
    if (!existsSync(join(dir, 'node_modules', SOURCE_PACKAGE))) {
      throw new Error(`${SOURCE_PACKAGE} not found under ${dir}/node_modules`);
    }
    const src = await loadRows(dir);
    const tree = buildTree(src);
    const meta = {
      source: SOURCE_PACKAGE,
      version: src.version,
      license: src.license,
      note: 'Generated by scripts/address-dataset/build.mjs; do not edit by hand.',
    };
    const { text: compact, provinces } = serialise(tree, meta);
    const text = await prettify(compact, args.out);
    const stats = sanityCheck(provinces);
    const bytes = Buffer.byteLength(text);
    console.error(
      `${SOURCE_PACKAGE}@${src.version}: ${src.th.length} source rows -> ` +
        `${stats.provinces} provinces, ${stats.districts} districts, ${stats.subdistricts} subdistricts, ` +
        `${stats.postcodes} postcodes (${tree.skippedNoPostcode} rows without postcode dropped); ${bytes} bytes`,
    );
    if (args.check) {
      const current = existsSync(args.out) ? readFileSync(args.out, 'utf8') : '';
      if (current !== text) {
        console.error(`${args.out} is out of date; run node scripts/address-dataset/build.mjs`);
        process.exit(1);
      }
      console.error(`${args.out} is up to date`);
    } else {
      writeFileSync(args.out, text);
      console.error(`wrote ${args.out}`);
    }
  } finally {
    if (!args.from) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
