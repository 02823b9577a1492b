import path from 'node:path';
import type { Config } from '../config';
import { acquireDataLock, DataDirLockedError } from '../data-lock';
import { openDatabase } from '../db';
import { BackupError, restoreBackup, writeBackup, type Manifest } from './backup';
import { askServerForBackup } from './control';

type Print = (s: string) => void;

const summary = (file: string, m: Manifest) => {
  const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
  return `${file}: ${m.kind} backup of ${m.createdAt}, ${Object.keys(m.tables).length} tables, ${rows} rows, ${m.files} files.
Not included (keep them apart, see docs/operations/backup.md): ${m.notIncluded.join(', ')}.`;
};

/**
 * `npm run cli -- backup <file>`. PostgreSQL: pg_dump on DATABASE_URL. PGlite: if a server holds the data
 * folder it is asked through its control socket (control.ts); otherwise the data folder is opened here.
 */
export async function backupCommand(config: Config, args: string[], print: Print = console.log): Promise<number> {
  const [target] = args;
  if (!target) {
    print('Usage: npm run cli -- backup <file.tar.gz>');
    return 1;
  }
  const file = path.resolve(target);
  try {
    let manifest: Manifest;
    if (config.databaseUrl) {
      const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 1 });
      try {
        manifest = await writeBackup({ database, dataDir: config.dataDir, databaseUrl: config.databaseUrl, file, log: print });
      } finally {
        await database.close();
      }
    } else {
      let release: (() => void) | null = null;
      try {
        release = acquireDataLock(config.dataDir);
      } catch (err) {
        if (!(err instanceof DataDirLockedError)) throw err;
      }
      if (!release) {
        print(`A server is running on ${config.dataDir}: asking it for a consistent snapshot…`);
        manifest = await askServerForBackup(config.dataDir, file);
      } else {
        try {
          const database = await openDatabase({ dataDir: config.dataDir });
          try {
            manifest = await writeBackup({ database, dataDir: config.dataDir, file, log: print });
          } finally {
            await database.close();
          }
        } finally {
          release();
        }
      }
    }
    print(summary(file, manifest));
    return 0;
  } catch (err) {
    print(`Backup failed: ${(err as Error).message}`);
    return 1;
  }
}

/** `npm run cli -- restore <file> [--force]`: into an empty database unless --force (the server must be stopped on PGlite). */
export async function restoreCommand(config: Config, args: string[], print: Print = console.log): Promise<number> {
  const force = args.includes('--force');
  const [source] = args.filter((a) => a !== '--force');
  if (!source || args.some((a) => a.startsWith('--') && a !== '--force')) {
    print('Usage: npm run cli -- restore <file.tar.gz> [--force]');
    return 1;
  }
  let release = () => {};
  try {
    // PGlite: the server must not run (it holds the lock); on PostgreSQL the files of the data folder are replaced too
    release = acquireDataLock(config.dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      print(`${err.message}\nStop the server before restoring.`);
      return 1;
    }
    throw err;
  }
  try {
    const result = await restoreBackup({ file: path.resolve(source), dataDir: config.dataDir, databaseUrl: config.databaseUrl, force, log: print });
    print(`Restored ${summary(path.resolve(source), result.manifest)}`);
    if (result.movedAside) print(`What was there before is in ${result.movedAside} (delete it once the restore is checked).`);
    print('Start the server, then check the ledger: npm run cli -- ledger-verify <tenant>.');
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    print(`Restore failed: ${err.message}`);
    return err.message.includes('does not match') ? 2 : 1;
  } finally {
    release();
  }
}
