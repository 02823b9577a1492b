import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, RequestValidationError, STATUS_BY_CODE, type AppErrorCode } from './errors';
import { issueMessage, langOf, t, type Lang } from './messages';

function fieldsFromIssues(err: RequestValidationError, lang: Lang): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[base ? `${base}.${key}` : key] ??= issueMessage(issue, lang);
      continue;
    }
    const key = base || (err.part === 'body' ? '_body' : err.part);
    fields[key] ??= issueMessage(issue, lang);
  }
  return fields;
}

/** Postgres error codes that mean the input was wrong, not the server. */
const PG_CODES: Record<string, AppErrorCode> = {
  '23505': 'conflict',
  '23503': 'bad_request',
  '23514': 'bad_request',
  '22P02': 'bad_request',
  '22001': 'bad_request',
  '22007': 'bad_request',
  '22008': 'bad_request',
  '22003': 'bad_request',
};

function pgCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 3 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `spaHtml`: the web app's HTML for an address (platform/web-pages.ts), answered for GETs outside /api so client-side routes work. */
export function installErrorHandling(app: FastifyInstance, spaHtml?: (url: string) => string): void {
  app.setErrorHandler((error: FastifyError | AppError | RequestValidationError, request, reply) => {
    const lang = langOf(request.headers['accept-language']);
    const send = (code: AppErrorCode, status: number, fields?: Record<string, string>, details?: unknown) =>
      reply
        .code(status)
        .send({ error: { code, message: t(code, lang), ...(fields && Object.keys(fields).length ? { fields } : {}), ...(details ? { details } : {}) } });

    if (error instanceof RequestValidationError) return send('validation_failed', 400, fieldsFromIssues(error, lang));
    if (error instanceof AppError) {
      const fields = error.fields ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, t(v, lang)])) : undefined;
      return send(error.code, STATUS_BY_CODE[error.code], fields, error.details);
    }
    const fe = error as FastifyError;
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (fe.statusCode === 400 && error instanceof SyntaxError)) {
      return send('bad_request', 400, { _body: t('invalid_json', lang) });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) return send('payload_too_large', 413);
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) return send('unsupported_file', 415);
    if (fe.statusCode === 429) return send('rate_limited', 429);
    const pg = pgCode(error);
    if (pg && PG_CODES[pg]) {
      request.log.info({ pgCode: pg }, 'database refused input');
      const code = PG_CODES[pg];
      return send(code, STATUS_BY_CODE[code]);
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return send('bad_request', fe.statusCode);
    request.log.error({ err: error }, 'unhandled error');
    return send('internal', 500);
  });

  app.setNotFoundHandler((request, reply) => {
    if (spaHtml && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(spaHtml(request.url));
    }
    const lang = langOf(request.headers['accept-language']);
    return reply.code(404).send({ error: { code: 'not_found', message: t('not_found', lang) } });
  });
}
