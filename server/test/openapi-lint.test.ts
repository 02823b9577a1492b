import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationIdFor } from '../platform/openapi';
import { buildTestApp, type TestApp } from './harness';

const root = path.resolve(import.meta.dirname, '../..');
let t: TestApp;
let doc: { paths: Record<string, Record<string, { operationId?: string; security?: unknown[]; responses?: Record<string, unknown> }>> };
beforeAll(async () => {
  t = await buildTestApp();
  doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
});
afterAll(() => t.close());

describe('the API document as other tools read it', () => {
  it('passes Redocly lint with the recommended rules (the two turned off are named and justified in redocly.yaml)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phakhi-openapi-'));
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const run = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--config', path.join(root, 'redocly.yaml'), '--format', 'summary'],
      { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' } },
    ).catch((err: { stdout: string; stderr: string }) => ({ stdout: err.stdout, stderr: err.stderr, failed: true }));
    fs.rmSync(dir, { recursive: true, force: true });
    expect('failed' in run ? run.stdout + run.stderr : '').toBe('');
    expect(run.stderr).toMatch(/Woohoo! Your API description is valid/);
  }, 60_000);

  it('every operation has a unique operationId, the error shape, and public ones need no session', () => {
    const ops = Object.entries(doc.paths).flatMap(([url, methods]) => Object.entries(methods).map(([method, op]) => ({ url, method, op })));
    expect(ops.length).toBeGreaterThan(200);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ops.length);
    expect(ops.every((o) => o.op.responses?.['4XX'])).toBe(true);
    const login = ops.find((o) => o.url === '/api/v1/auth/login' && o.method === 'post')!;
    expect(login.op.security).toEqual([]);
    const networks = ops.find((o) => o.url === '/api/v1/t/{tenant}/networks' && o.method === 'get')!;
    expect(networks.op.security).toEqual([{ session: [] }]);
    expect(networks.op.operationId).toBe('getByTenantNetworks');
  });

  it('names an operation from its method and path', () => {
    expect(operationIdFor('GET', '/api/v1/t/:tenant/networks/:id/members')).toBe('getByTenantNetworksByIdMembers');
    expect(operationIdFor('POST', '/api/v1/t/:tenant/local-plans/:id/p01.xlsx')).toBe('postByTenantLocalPlansByIdP01Xlsx');
  });
});
