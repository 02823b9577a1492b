import type { FastifyInstance } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailConfig } from '../../platform/config';
import { Dispatcher } from './dispatcher';

/** A nodemailer SMTP transport from the configuration, or null when no mail server is configured. */
export function createMailTransport(mail: MailConfig): Transporter | null {
  if (mail.url) return nodemailer.createTransport(mail.url);
  if (!mail.host) return null;
  return nodemailer.createTransport({
    host: mail.host,
    port: mail.port,
    secure: mail.secure,
    auth: mail.user ? { user: mail.user, pass: mail.pass ?? '' } : undefined,
    // a mail server that hangs must not hold a round for minutes
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
}

export const mailConfigured = (mail: MailConfig) => !!(mail.url || mail.host);

/**
 * The server's dispatcher (server/main.ts): started when the app is ready, stopped — waiting for the
 * round in progress — when it closes.
 */
export function installNotificationDispatcher(app: FastifyInstance): Dispatcher | null {
  const { notifications: n, mail } = app.config;
  if (!n.dispatch) return null;
  const transport = createMailTransport(mail);
  if (!transport) app.log.warn('notifications: no mail server configured (PHAKHI_SMTP_URL or PHAKHI_SMTP_HOST); e-mail waits in the outbox');
  const dispatcher = new Dispatcher({
    db: app.db,
    transport,
    from: mail.from,
    batchSize: n.batchSize,
    maxAttempts: n.maxAttempts,
    retryBaseMs: n.retrySeconds * 1000,
    dueWithinDays: n.dueWithinDays,
    log: (level, message) => app.log[level](message),
  });
  app.addHook('onReady', async () => dispatcher.start(n.intervalSeconds * 1000));
  app.addHook('onClose', async () => {
    await dispatcher.stop();
    transport?.close();
  });
  return dispatcher;
}
