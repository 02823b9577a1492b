import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { users } from '../db/schema';
import { hashPassword, randomPassword } from '../modules/auth/passwords';
import type { Config } from './config';
import type { Db } from './db';

/**
 * First start on an empty database: create the platform admin. With PHAKHI_ADMIN_EMAIL/PASSWORD
 * set, from those; otherwise a random password, printed once and written to
 * <dataDir>/initial-admin.txt (mode 0600). There is no default password anywhere.
 */
export async function ensurePlatformAdmin(
  db: Db,
  config: Config,
  log: (msg: string) => void,
  print: (text: string) => void = (text) => process.stdout.write(text),
): Promise<void> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return;
  const email = (config.adminEmail ?? 'admin@phakhi.local').toLowerCase();
  const generated = !config.adminPassword;
  const password = config.adminPassword ?? randomPassword();
  // a generated password was seen by whoever reads the console: it must be changed at the first login
  await db.insert(users).values({ email, name: 'ผู้ดูแลระบบ', passwordHash: await hashPassword(password), isPlatformAdmin: true, mustChangePassword: generated });
  if (generated) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const file = path.join(config.dataDir, 'initial-admin.txt');
    fs.writeFileSync(file, `email: ${email}\npassword: ${password}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    log(`Created the platform admin ${email}; the password is printed once on the console and kept in ${file} until it is changed.`);
    print(
      box([
        'Phakhi platform admin / ผู้ดูแลแพลตฟอร์ม',
        `  e-mail:   ${email}`,
        `  password: ${password}`,
        `Shown once; also in ${file} until you change it at the first login.`,
      ]),
    );
  } else {
    log(`Created the platform admin ${email} from PHAKHI_ADMIN_EMAIL/PHAKHI_ADMIN_PASSWORD.`);
  }
}

/** The key for hashing citizen IDs: PHAKHI_SECRET, or a random one kept in the data folder. */
export function loadSecret(config: Config, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PHAKHI_SECRET) return env.PHAKHI_SECRET;
  const file = path.join(config.dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Lines in a plain box, so the one-time password stands out from the JSON log lines around it. */
export function box(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const edge = `+${'-'.repeat(width)}+`;
  return ['', edge, ...lines.map((l) => `| ${l.padEnd(width - 1)}|`), edge, ''].join('\n') + '\n';
}
