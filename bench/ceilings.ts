/**
 * The two ceilings of `npm run bench`, each a server of its own on PORT:
 *   CEILING=hello   a bare node:http server answering {"hello":"world"} — what Node itself can do here;
 *   CEILING=lookup  a Fastify route doing one primary-key lookup of a party through a pg pool of the app's
 *                   size on DATABASE_URL — what one indexed read through the same stack can do.
 *   CEILING=lookup-pglite  the same route on PGlite in PHAKHI_DATA_DIR (a copy of the app's data folder: PGlite
 *                   is one process's), through PGlite's own query method — PGlite's ceiling.
 * LOOKUP_TENANT and LOOKUP_PARTY name the row (the benchmark picks one of the measured tenant).
 */
import http from 'node:http';

const port = Number(process.env.PORT);
if (process.env.CEILING === 'hello') {
  const body = JSON.stringify({ hello: 'world' });
  http
    .createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    })
    .listen(port, '127.0.0.1');
} else if (process.env.CEILING === 'lookup-pglite') {
  const { default: Fastify } = await import('fastify');
  const { PGlite } = await import('@electric-sql/pglite');
  const { pgliteExtensions } = await import('../server/platform/db');
  const client = await PGlite.create(`${process.env.PHAKHI_DATA_DIR}/pglite`, { extensions: await pgliteExtensions() });
  const app = Fastify({ logger: false });
  const party = process.env.LOOKUP_PARTY;
  const tenant = process.env.LOOKUP_TENANT ?? (await client.query<{ t: string }>('select tenant_id as t from parties where id = $1', [party])).rows[0].t;
  const args = [tenant, party];
  app.get('/lookup', async () => {
    const r = await client.query('select id, name, sector, pillar, province from parties where tenant_id = $1 and id = $2', args);
    return r.rows[0];
  });
  await app.listen({ port, host: '127.0.0.1' });
} else {
  const { default: Fastify } = await import('fastify');
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = Fastify({ logger: false });
  const args = [process.env.LOOKUP_TENANT, process.env.LOOKUP_PARTY];
  app.get('/lookup', async () => {
    const r = await pool.query({
      name: 'lookup',
      text: 'select id, name, sector, pillar, province from parties where tenant_id = $1 and id = $2',
      values: args,
    });
    return r.rows[0];
  });
  await app.listen({ port, host: '127.0.0.1' });
}
