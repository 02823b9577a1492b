/**
 * The demo seed runs behind a ready server (issue 12): `npm start` listens as soon as the migrations are done
 * and loads the demo tenants in the background. While it runs:
 *  - `/api/health` answers `{ status: 'starting', seeding: true }` (HTTP 200: the server is up and serving);
 *  - a request that needs a demo tenant (`/api/v1/t/<demo>/…`, `/api/v1/public/<demo>/…`) or a login (the demo's
 *    accounts are made by the seed) waits until the seed has finished, so nobody sees a half-loaded tenant;
 *    after SEED_WAIT_MS it gets a 503 "try again" instead;
 *  - the login page shows that the demo is being prepared (web/src/features/auth/LoginPage.tsx).
 * Tests and a server started without the demo never see any of this (`seeding` stays false).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { langOf } from './messages';

export const SEED_WAIT_MS = 120_000;

export interface DemoSeeding {
  state: 'off' | 'seeding' | 'ready' | 'failed';
  slugs: ReadonlySet<string>;
  done: Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    demoSeeding: DemoSeeding;
  }
}

const MESSAGES = {
  th: 'ระบบกำลังเตรียมข้อมูลตัวอย่าง กรุณาลองอีกครั้งในอีกสักครู่',
  en: 'The demo data is still being prepared; please try again in a moment.',
};

/** Whether a request must wait for the demo: a demo tenant's routes, and logins. */
function needsDemo(req: FastifyRequest, slugs: ReadonlySet<string>): boolean {
  const url = req.url;
  if (url.startsWith('/api/v1/auth/login')) return true;
  const m = /^\/api\/v1\/(?:t|public)\/([^/?#]+)/.exec(url);
  return !!m && slugs.has(decodeURIComponent(m[1]));
}

/** Installs the waiting room (a no-op until `trackDemoSeeding` is called). Called by buildApp. */
export function installDemoSeeding(app: FastifyInstance): void {
  app.decorate('demoSeeding', { state: 'off', slugs: new Set<string>(), done: Promise.resolve() } as DemoSeeding);
  app.addHook('onRequest', async (req, reply) => {
    const seeding = app.demoSeeding;
    if (seeding.state !== 'seeding' || !needsDemo(req, seeding.slugs)) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      seeding.done.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), SEED_WAIT_MS))),
    ]).finally(() => clearTimeout(timer));
    if (timedOut) {
      return reply
        .code(503)
        .header('retry-after', '10')
        .send({ error: { code: 'demo_seeding', message: MESSAGES[langOf(req.headers['accept-language'])] } });
    }
  });
}

/**
 * Runs the demo seed in the background: requests for `slugs` wait for it (above). A failed seed is passed to
 * `onError` (logged) and the server keeps serving what is there; /api/health then says `demo: 'failed'`.
 */
export function trackDemoSeeding(app: FastifyInstance, slugs: Iterable<string>, seed: () => Promise<void>, onError: (err: unknown) => void): Promise<void> {
  const state = app.demoSeeding;
  state.slugs = new Set(slugs);
  state.state = 'seeding';
  state.done = seed().then(
    () => {
      state.state = 'ready';
    },
    (err) => {
      state.state = 'failed';
      onError(err);
    },
  );
  return state.done;
}
