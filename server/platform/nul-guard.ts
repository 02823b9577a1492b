import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/**
 * No NUL character in any string a client sends (query, path parameters, JSON body): PostgreSQL cannot store
 * it in text and answered 500 on 14 list routes. Refused here for every route, with the field's path, before
 * any schema or database sees it. The walk is iterative, so deep JSON cannot overflow the stack.
 */
export function nulPath(value: unknown, base: string): string | null {
  const stack: [unknown, string][] = [[value, base]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (k.includes('\u0000')) return p;
        stack.push([child, p]);
      }
    }
  }
  return null;
}

export function installNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const where = nulPath(req.params, '') ?? nulPath(req.query, '') ?? (req.isMultipart?.() ? null : nulPath(req.body, ''));
    if (where !== null) throw new AppError('validation_failed', { [where || '_body']: 'nul_character' });
  });
}
