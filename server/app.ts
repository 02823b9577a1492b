import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { openApiTransform } from './platform/openapi';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import type { Config } from './platform/config';
import type { Database, Db } from './platform/db';
import { TenantDirectory } from './platform/tenancy';
import { RequestValidationError } from './platform/errors';
import { installErrorHandling } from './platform/error-handler';
import { PRERENDER_SCRIPT_HASH, webPages } from './platform/web-pages';
import { installAccessControl } from './platform/access-control';
import { installPublicEdge } from './platform/public-edge';
import { installNulGuard } from './platform/nul-guard';
import { installCompression } from './platform/compress';
import { registerModules } from './modules';
import { useIdentityCache } from './platform/identity-cache';
import { usePageCache } from './platform/page-cache';
import { installDemoSeeding } from './platform/demo-seeding';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
    tenantDirectory: TenantDirectory;
  }
}

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: boolean | object;
  /** The built web app (default web/dist); tests give a folder of their own. */
  webDist?: string;
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildApp({ config, database, logger, webDist = WEB_DIST }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: 1024 * 1024,
    // a hop count is what Fastify does for a number (its types only list the function form)
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('db', database.db);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('tenantDirectory', new TenantDirectory(database.db));
  useIdentityCache(database.db, config.identityCacheSeconds);
  usePageCache(database.db, config.pageCacheMegabytes * 1024 * 1024);

  // Input: zod, with issues kept raw so the error handler can word them in the caller's language.
  app.setValidatorCompiler(({ schema, httpPart }) => (data: unknown) => {
    const result = (schema as ZodType).safeParse(data, { reportInput: true });
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  });
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", PRERENDER_SCRIPT_HASH], // the pre-rendered pages' language check and app loader, by its hash
        styleSrc: ["'self'", "'unsafe-inline'"], // Mantine injects style tags
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  installPublicEdge(app); // before rate-limit: it gives every public route its limit
  // after the public edge: its cache keeps the plain answer (onSend hooks run in order), compressed per request
  installCompression(app); // JSON answers brotli/gzip; compressed request bodies refused (415) before they are read
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 10 } });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Phakhi (ภาคี) API',
        version: '1.0.0',
        description: 'Partner networks for Thai local governments. Errors: { error: { code, message, fields? } }.',
      },
      servers: [{ url: '/', description: 'This Phakhi server (every path starts with /api)' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'phakhi_session' } } },
    },
    transform: openApiTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const serveWeb = config.serveWeb && fs.existsSync(path.join(webDist, 'index.html'));
  installErrorHandling(app, serveWeb ? webPages(webDist) : undefined);
  installAccessControl(app);
  installNulGuard(app); // after access control: who may ask comes first
  installDemoSeeding(app); // requests for a demo tenant wait while `npm start` loads it in the background

  app.get('/api/openapi.json', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async () => app.swagger());
  await registerModules(app);

  if (serveWeb) {
    // hashed assets are immutable; index.html (served by the not-found handler) is not cached
    // assets are precompressed at build time (scripts/build-web.ts): brotli or gzip as the browser accepts
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (res, filePath) =>
        res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600'),
    });
  }
  return app;
}
