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
  /** Mark cookies Secure (set when served over HTTPS). */
  secureCookies: boolean;
  /** Extra origins allowed on unsafe methods besides the request's own host. */
  allowedOrigins: string[];
  logLevel: string;
  loginRateLimit: number;
  serveWeb: boolean;
  /** Where people reach this server (for links printed by the command line); default http://localhost:PORT. */
  publicUrl: string;
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
    secureCookies: env.PHAKHI_SECURE_COOKIES === 'true',
    allowedOrigins: (env.PHAKHI_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL ?? 'info',
    loginRateLimit: Number(env.PHAKHI_LOGIN_RATE_LIMIT ?? 10),
    serveWeb: env.PHAKHI_SERVE_WEB !== 'false',
    publicUrl: env.PHAKHI_PUBLIC_URL || `http://localhost:${port}`,
  };
}
