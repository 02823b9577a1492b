import { ensurePlatformAdmin, loadSecret } from './platform/bootstrap';
import { loadConfig } from './platform/config';
import { acquireDataLock, DataDirLockedError, DataDirLockIsFolderError } from './platform/data-lock';
import { openDatabase } from './platform/db';
import { setCitizenIdSecret } from './modules/partners/partners.service';
import { seedDemo } from './demo/seed';
import { ledgerVerifyCommand } from './modules/budget/verify-command';
import { createTenantCommand } from './modules/tenants/create-tenant-command';
import { distributeCommand } from './platform/distribute-command';
import { retentionCommand } from './modules/privacy/retention-job';
import { backupCommand, restoreCommand } from './platform/backup/command';

const USAGE = `Usage: npm run cli -- <command>
  migrate      apply database migrations
  seed-demo    load the demo tenants (idempotent)
  create-admin create the platform admin if there are no users (PHAKHI_ADMIN_EMAIL/PASSWORD)
  retention-run [tenant]  apply the PDPA retention settings now (all tenants or one); prints what was anonymised/deleted
  ledger-verify <tenant>  re-walk a tenant's ledger hash chain; prints { valid, checked, firstInvalidId? }, exit 2 if broken
  create-tenant --slug <slug> --name-th <ชื่อ> --name-en <name> --type <type> --province <จังหวัด> --district <อำเภอ>
                --subdistrict <ตำบล> --admin-email <e-mail> --admin-name <ชื่อ>
               set up a local government and print the one-time link for its first admin (valid 7 days);
               type: city_municipality | town_municipality | subdistrict_municipality | sao | pao
  distribute   shard the database on a Citus coordinator: tenant tables by tenant_id, colocated; the rest as reference tables
  backup <file.tar.gz>    consistent backup of the database and files, also of a running server (docs/operations/backup.md)
  restore <file.tar.gz> [--force]
               restore a backup into an empty database (--force: replace what is there); the server must be stopped`;

async function run(command: string | undefined) {
  if (command === 'backup') return backupCommand(loadConfig(), process.argv.slice(3));
  if (command === 'restore') return restoreCommand(loadConfig(), process.argv.slice(3));
  if (!command || !['migrate', 'seed-demo', 'create-admin', 'ledger-verify', 'create-tenant', 'distribute', 'retention-run'].includes(command)) {
    console.log(USAGE);
    return command ? 1 : 0;
  }
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : acquireDataLock(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    if (command === 'migrate') console.log(`Migrations applied (${database.kind}).`);
    if (command === 'seed-demo') {
      setCitizenIdSecret(loadSecret(config));
      const { created, skipped } = await seedDemo(database.db, console.log);
      console.log(`Demo data: created ${created.join(', ') || 'nothing'}; already there: ${skipped.join(', ') || 'none'}.`);
    }
    if (command === 'create-admin') await ensurePlatformAdmin(database.db, config, console.log);
    if (command === 'ledger-verify') return await ledgerVerifyCommand(database.db, process.argv[3]);
    if (command === 'create-tenant') return await createTenantCommand(database.db, config, process.argv.slice(3));
    if (command === 'distribute') return await distributeCommand(config.databaseUrl);
    if (command === 'retention-run') return await retentionCommand(database.db, process.argv.slice(3));
    return 0;
  } finally {
    await database.close();
    release();
  }
}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof DataDirLockedError || err instanceof DataDirLockIsFolderError ? err.message : err);
    process.exit(1);
  },
);
