import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The anonymous routes under /api/v1/public/ (budget transparency, ledger, volunteers list): 50 anonymous
 * connections on them slowed a logged-in partner list from 14 ms to 2.8 s. Here, for every such GET:
 * - a rate limit per client IP (`publicRateLimit` a minute; the IP is the socket's unless `trustProxy` says
 *   otherwise), set on the route before @fastify/rate-limit sees it, so a new public route cannot escape;
 * - `Cache-Control: public, max-age=publicCacheSeconds` on 200 answers, and the same answers kept in
 *   process for as long, keyed by the whole URL: repeated requests cost a map lookup, not a query.
 *   A successful write in a tenant (any POST/PUT/PATCH/DELETE under /api/v1/t/<slug>/, or a citizen's write
 *   under /api/v1/public/<slug>/ such as a comment on a draft) drops that tenant's cached answers at once, so this server never serves an answer older than the last write; browsers and
 *   proxies may keep theirs for max-age seconds.
 * Must be installed before @fastify/rate-limit is registered (its onRoute hook reads the route's config).
 */
export const PUBLIC_PREFIX = '/api/v1/public/';
const MAX_ENTRIES = 500;

interface Cached {
  tenant: string;
  expires: number;
  payload: string;
  contentType: string;
}

export class PublicCache {
  private readonly entries = new Map<string, Cached>();
  hits = 0;

  get(key: string): Cached | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expires <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    this.hits++;
    return e;
  }

  set(key: string, entry: Cached) {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  dropTenant(tenant: string) {
    for (const [key, e] of this.entries) if (e.tenant === tenant) this.entries.delete(key);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    publicCache: PublicCache;
  }
  interface FastifyRequest {
    publicCacheKey?: string;
  }
}

const isPublicGet = (req: FastifyRequest) => req.method === 'GET' && req.url.startsWith(PUBLIC_PREFIX);
const tenantOf = (req: FastifyRequest) => (req.params as { tenant?: string } | undefined)?.tenant ?? '';

export function installPublicEdge(app: FastifyInstance) {
  const { publicRateLimit, publicCacheSeconds } = app.config;
  app.decorate('publicCache', new PublicCache());

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(PUBLIC_PREFIX)) return;
    route.config = { ...(route.config as object), rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } } as typeof route.config;
  });

  app.addHook('preHandler', async (req, reply) => {
    if (!isPublicGet(req) || publicCacheSeconds === 0) return;
    req.publicCacheKey = `${req.headers['accept-language']?.startsWith('en') ? 'en' : 'th'} ${req.url}`;
    const hit = app.publicCache.get(req.publicCacheKey);
    if (!hit) return;
    const age = Math.max(0, publicCacheSeconds - Math.ceil((hit.expires - Date.now()) / 1000));
    return reply
      .header('content-type', hit.contentType)
      .header('cache-control', `public, max-age=${publicCacheSeconds}`)
      .header('age', String(age))
      .header('x-cache', 'hit')
      .send(hit.payload);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!isPublicGet(req)) return payload;
    if (reply.statusCode !== 200 || reply.getHeader('x-cache') === 'hit') return payload;
    reply.header('cache-control', publicCacheSeconds ? `public, max-age=${publicCacheSeconds}` : 'no-store');
    if (req.publicCacheKey && typeof payload === 'string') {
      reply.header('x-cache', 'miss');
      app.publicCache.set(req.publicCacheKey, {
        tenant: tenantOf(req),
        expires: Date.now() + publicCacheSeconds * 1000,
        payload,
        contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      });
    }
    return payload;
  });

  app.addHook('onResponse', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || reply.statusCode >= 400) return;
    const tenant = tenantOf(req);
    if (tenant && (req.url.startsWith('/api/v1/t/') || req.url.startsWith(PUBLIC_PREFIX))) app.publicCache.dropTenant(tenant);
  });
}
