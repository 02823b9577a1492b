import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/**
 * Compressed answers, never compressed requests.
 *
 * Answers: a JSON (or HTML) answer of at least `COMPRESS_FROM_BYTES` goes out brotli- or gzip-compressed, as the
 * caller's `Accept-Encoding` prefers (brotli first), with `Vary: Accept-Encoding`. The work runs on zlib's thread
 * pool (the async functions), not on the event loop, and brotli uses quality 4: for an answer made per request it
 * compresses nearly as well as gzip -6 at a fraction of brotli's default (11) cost (the demo's 50-network list:
 * 43.5 KB of JSON, 9.6 KB at quality 4, 9.4 KB gzip -6). The page cache's answers (page-cache.ts) are compressed
 * once per stored answer instead and sent with an ETag. Static files are not touched here: they are precompressed at build time
 * (scripts/build-web.ts) and sent as streams with their own `Content-Encoding`.
 *
 * Requests: a body sent with a `Content-Encoding` (gzip, br, deflate…) is refused with 415 before it is read, so
 * a few kilobytes of gzip can never inflate to gigabytes in memory (a "zip bomb" request). Fastify itself does
 * not inflate bodies, and the body limit (1 MB) counts the bytes received; this hook keeps it that way should a
 * plugin that decompresses requests (as @fastify/compress does by default) ever be added.
 */
export const COMPRESS_FROM_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(json|problem\+json)|text\/(html|plain|csv))\b/i;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type Encoding = 'br' | 'gzip';

/**
 * `payload` compressed on zlib's thread pool. `brotliQuality` 4 for an answer made per request (nearly gzip -6's
 * size at a fraction of brotli's default cost); the page cache, which compresses an answer once and sends it many
 * times, asks for more.
 */
export function compressBody(payload: string | Buffer, encoding: Encoding, brotliQuality = 4): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(payload, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(payload),
        },
      })
    : gzip(payload, { level: 6 });
}

/** The encoding to answer with: brotli, then gzip, among those the caller accepts (q > 0); null for none. */
export function pickEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const wildcard = q.get('*');
  const accepts = (name: Encoding) => (q.get(name) ?? wildcard ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

/** `current` (a Vary header's value) with `name` added unless it or `*` is already named. */
export function withVary(current: unknown, name = 'Accept-Encoding'): string {
  const list = Array.isArray(current) ? current.join(',') : typeof current === 'string' ? current : '';
  if (list.split(',').some((v) => [name.toLowerCase(), '*'].includes(v.trim().toLowerCase()))) return list;
  return list ? `${list}, ${name}` : name;
}

export function installCompression(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const coding = req.headers['content-encoding'];
    if (coding && coding.trim().toLowerCase() !== 'identity') throw new AppError('unsupported_file', { _body: 'compressed_body' });
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'HEAD' || reply.hasHeader('content-encoding')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // streams: files, precompressed assets
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const size = Buffer.byteLength(payload);
    if (size < COMPRESS_FROM_BYTES) return payload;
    reply.header('vary', withVary(reply.getHeader('vary')));
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (!encoding) return payload;
    const compressed = await compressBody(payload, encoding);
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return compressed;
  });
}
