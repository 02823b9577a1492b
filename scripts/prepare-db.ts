// `npm run build`: prepares the migrated, empty embedded database that a new data folder starts as a copy of
// (server/platform/pglite-template.ts), so that `npm start` on an empty data folder skips PGlite's initdb.
import { ensurePgliteTemplate } from '../server/platform/db';
import { templateDir } from '../server/platform/pglite-template';
import fs from 'node:fs';

const started = Date.now();
const had = fs.existsSync(templateDir());
const dir = await ensurePgliteTemplate();
console.log(
  had ? `embedded database template up to date (${dir})` : `embedded database template made in ${((Date.now() - started) / 1000).toFixed(1)} s (${dir})`,
);
