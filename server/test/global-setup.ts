import { ensurePgliteTemplate } from '../platform/db';

/**
 * Runs once before the test files: makes the migrated PGlite template every PGlite test database starts from
 * (server/test/harness.ts), so parallel workers do not each build it. The PostgreSQL run needs none.
 */
export default async function setup() {
  if (!process.env.PHAKHI_TEST_DATABASE_URL) await ensurePgliteTemplate();
}
