/**
 * The two ceilings of `npm run bench`, each a server of its own on PORT:
 *   CEILING=hello   a bare node:http server answering {"hello":"world"} — what Node itself can do here;
 *   CEILING=lookup  a Fastify route doing one primary-key lookup of a party through a pg pool of the app's
 *                   size on DATABASE_URL — what one indexed read through the same stack can do.
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
