import net from 'node:net';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Load the demo tenants on first start (empty database). */
  seedDemo: boolean;
  sessionTtlHours: number;
  /** Seconds a session's user and a user's tenant role are kept in memory (platform/identity-cache.ts); 0 = off. */
  identityCacheSeconds: number;
  /**
   * Megabytes of list and dashboard answers kept in memory, each served only while its tenant's data version is
   * unchanged (platform/page-cache.ts); 0 = off. One tenant may hold at most a sixteenth of it.
   */
  pageCacheMegabytes: number;
  /** Mark cookies Secure (set when served over HTTPS). */
  secureCookies: boolean;
  /** Extra origins allowed on unsafe methods besides the request's own host. */
  allowedOrigins: string[];
  logLevel: string;
  loginRateLimit: number;
  /** Requests per minute per client IP on the anonymous /api/v1/public/… routes. */
  publicRateLimit: number;
  /** Seconds a public answer may be cached (Cache-Control max-age and the in-process cache). */
  publicCacheSeconds: number;
  /**
   * Fastify's `trustProxy`: whose X-Forwarded-For to believe for the client IP (rate limits, logs).
   * Off by default: anyone can write that header, so trusting it lets a client pick its own IP.
   */
  trustProxy: TrustProxy;
  serveWeb: boolean;
  /** Where people reach this server (for links printed by the command line); default http://localhost:PORT. */
  publicUrl: string;
  /** Outgoing e-mail (notifications): PHAKHI_SMTP_URL, or host/port/user/pass; none = e-mail waits in the outbox. */
  mail: MailConfig;
  /** The notification dispatcher (server/modules/notifications/dispatcher.ts). */
  notifications: NotificationConfig;
}

export interface MailConfig {
  url?: string;
  host?: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
}

export interface NotificationConfig {
  /** Run the dispatcher in this process (PHAKHI_NOTIFY_DISPATCH=false in all but one process is allowed, not needed). */
  dispatch: boolean;
  intervalSeconds: number;
  batchSize: number;
  maxAttempts: number;
  retrySeconds: number;
  dueWithinDays: number;
}

export type TrustProxy = boolean | number | string[];

/**
 * PHAKHI_TRUST_PROXY: `false` (default), `true` (trust every proxy: only when the server cannot be reached
 * except through one), a hop count (`1` = the nearest proxy), or comma-separated addresses/CIDRs of the proxies.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of list) {
    const [ip, bits, ...rest] = entry.split('/');
    const family = net.isIP(ip);
    const maxBits = family === 4 ? 32 : 128;
    if (!family || rest.length || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits)))
      throw new Error(`PHAKHI_TRUST_PROXY must be false, true, a hop count or comma-separated IP addresses/CIDRs; "${entry}" is none of these`);
  }
  return list;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.PHAKHI_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.PHAKHI_ADMIN_EMAIL || undefined,
    adminPassword: env.PHAKHI_ADMIN_PASSWORD || undefined,
    seedDemo: (env.PHAKHI_SEED_DEMO ?? 'true') !== 'false',
    sessionTtlHours: Number(env.PHAKHI_SESSION_TTL_HOURS ?? 12),
    identityCacheSeconds: positiveInt(env, 'PHAKHI_IDENTITY_CACHE_SECONDS', 30),
    pageCacheMegabytes: positiveInt(env, 'PHAKHI_PAGE_CACHE_MB', 64),
    secureCookies: env.PHAKHI_SECURE_COOKIES === 'true',
    allowedOrigins: (env.PHAKHI_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL ?? 'info',
    loginRateLimit: Number(env.PHAKHI_LOGIN_RATE_LIMIT ?? 10),
    publicRateLimit: positiveInt(env, 'PHAKHI_PUBLIC_RATE_LIMIT', 120),
    publicCacheSeconds: positiveInt(env, 'PHAKHI_PUBLIC_CACHE_SECONDS', 30),
    trustProxy: parseTrustProxy(env.PHAKHI_TRUST_PROXY),
    serveWeb: env.PHAKHI_SERVE_WEB !== 'false',
    publicUrl: env.PHAKHI_PUBLIC_URL || `http://localhost:${port}`,
    mail: {
      url: env.PHAKHI_SMTP_URL || undefined,
      host: env.PHAKHI_SMTP_HOST || undefined,
      port: positiveInt(env, 'PHAKHI_SMTP_PORT', 587),
      secure: env.PHAKHI_SMTP_SECURE === 'true',
      user: env.PHAKHI_SMTP_USER || undefined,
      pass: env.PHAKHI_SMTP_PASS || undefined,
      from: env.PHAKHI_MAIL_FROM || 'ภาคี Phakhi <no-reply@localhost>',
    },
    notifications: {
      dispatch: env.PHAKHI_NOTIFY_DISPATCH !== 'false',
      intervalSeconds: Math.max(1, positiveInt(env, 'PHAKHI_NOTIFY_INTERVAL_SECONDS', 30)),
      batchSize: Math.max(1, positiveInt(env, 'PHAKHI_NOTIFY_BATCH_SIZE', 50)),
      maxAttempts: Math.max(1, positiveInt(env, 'PHAKHI_NOTIFY_MAX_ATTEMPTS', 8)),
      retrySeconds: Math.max(1, positiveInt(env, 'PHAKHI_NOTIFY_RETRY_SECONDS', 60)),
      dueWithinDays: positiveInt(env, 'PHAKHI_NOTIFY_DUE_DAYS', 3),
    },
  };
}
