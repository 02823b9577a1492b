import { sql } from 'drizzle-orm';
import { buildApp } from './app';
import { ensurePlatformAdmin, loadSecret } from './platform/bootstrap';
import { loadConfig } from './platform/config';
import { acquireDataLock, DataDirLockedError, DataDirLockIsFolderError, protectDataDir } from './platform/data-lock';
import { openDatabase } from './platform/db';
import { setCitizenIdSecret } from './modules/partners/partners.service';
import { demoTenantSlugs, seedDemo } from './demo/seed';
import { trackDemoSeeding } from './platform/demo-seeding';
import { installNotificationDispatcher } from './modules/notifications/mail';
import { startRetentionJob } from './modules/privacy/retention-job';
import { startControlSocket } from './platform/backup/control';

async function main() {
  const config = loadConfig();
  protectDataDir(config.dataDir);
  // PGlite keeps its files in the data folder: one process only.
  const releaseLock = config.databaseUrl ? () => {} : acquireDataLock(config.dataDir);
  // start-up phases are logged with their time (docs/operations/startup.md)
  const phase = (() => {
    let last = Date.now();
    return (what: string) => {
      const now = Date.now();
      const line = `start-up: ${what} in ${now - last} ms`;
      last = now;
      return line;
    };
  })();
  const loaded = `start-up: code loaded ${Math.round(process.uptime() * 1000)} ms after the process began`;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, fromTemplate: true });
  const opened = phase('database opened');
  await database.migrate();
  const migrated = phase('migrations checked');
  if (database.kind === 'pglite') protectDataDir(config.dataDir); // the files PGlite just made
  setCitizenIdSecret(loadSecret(config));
  const app = await buildApp({ config, database });
  // e-mail outbox and the daily due check: started when the server is ready, stopped on close
  installNotificationDispatcher(app);
  await ensurePlatformAdmin(database.db, config, (m) => app.log.warn(m));
  for (const line of [loaded, opened, migrated, phase('app built')]) app.log.info(line);
  const afterSeed = async () => {
    if (database.kind === 'pglite') {
      // PGlite runs no autovacuum: the planner's statistics (which, among other things, tell knowledge search a
      // broad query from a narrow one) are refreshed at each start instead
      const started = Date.now();
      await database.db.execute(sql`analyze`);
      app.log.info(`statistics refreshed in ${Date.now() - started} ms`);
    }
  };

  // PGlite: `npm run cli -- backup` asks this process for a snapshot (platform/backup/control.ts)
  const stopControl = database.kind === 'pglite' ? await startControlSocket(config.dataDir, database, (m) => app.log.info(m)) : async () => {};

  let stopRetention = () => {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    try {
      stopRetention();
      await stopControl();
      await app.close();
      await database.close();
    } finally {
      releaseLock();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('exit', releaseLock);

  await app.listen({ port: config.port, host: config.host });
  app.log.info(phase('listening'));
  stopRetention = startRetentionJob(database.db, app.log); // PDPA retention: a minute after start, then daily
  app.log.info(`Phakhi is running on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${database.kind})`);
  // The demo loads behind the ready server: its tenants' requests and logins wait for it (platform/demo-seeding.ts)
  if (config.seedDemo) {
    const started = Date.now();
    void trackDemoSeeding(
      app,
      demoTenantSlugs(),
      async () => {
        const { created } = await seedDemo(database.db, (m) => app.log.info(m));
        app.log.info(created.length ? `start-up: demo data loaded in ${Date.now() - started} ms` : 'start-up: demo data already there');
        await afterSeed();
      },
      (err) => app.log.error({ err }, 'The demo data could not be loaded; the server keeps running without it'),
    );
  } else void afterSeed().catch((err) => app.log.error({ err }, 'analyze failed'));
}

main().catch((err) => {
  if (err instanceof DataDirLockedError || err instanceof DataDirLockIsFolderError) {
    console.error(`\n${err.message}\n`);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
