import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTenant, type TestApp } from '../test/harness';
import { trackDemoSeeding } from './demo-seeding';

/** `npm start` listens first and loads the demo behind the ready server (docs/operations/startup.md). */
describe('the demo loads behind a ready server', () => {
  let t: TestApp;
  let demo: string;
  let other: string;
  beforeAll(async () => {
    t = await buildTestApp();
    demo = (await createTenant(t)).slug;
    other = (await createTenant(t)).slug;
  });
  afterAll(() => t.close());

  it('health says seeding, and requests for a demo tenant wait for the seed while others answer', async () => {
    let finish!: () => void;
    const seeded = trackDemoSeeding(
      t.app,
      [demo],
      () => new Promise<void>((resolve) => (finish = resolve)),
      () => {},
    );

    const health = await t.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'starting', db: t.database.kind, seeding: true, demo: 'seeding' });

    let answered = false;
    const held = t.app.inject({ url: `/api/v1/public/${demo}/fiscal-years` }).then((res) => {
      answered = true;
      return res;
    });
    // another tenant and the platform's own routes are not held
    expect((await t.app.inject({ url: `/api/v1/public/${other}/fiscal-years` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/tenants' })).statusCode).toBe(200);
    expect(answered).toBe(false);

    finish();
    await seeded;
    expect((await held).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok', seeding: false, demo: 'ready' });
  });

  it('a failed seed is reported and nothing waits for it any more', async () => {
    const errors: unknown[] = [];
    await trackDemoSeeding(
      t.app,
      [demo],
      () => Promise.reject(new Error('boom')),
      (err) => errors.push(err),
    );
    expect(errors).toHaveLength(1);
    expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok', seeding: false, demo: 'failed' });
    expect((await t.app.inject({ url: `/api/v1/public/${demo}/fiscal-years` })).statusCode).toBe(200);
  });
});
