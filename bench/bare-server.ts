/**
 * The baseline for `npm run bench:load`: a bare Fastify server with one route that reads one row
 * from PostgreSQL through a pg pool of the same size the app uses — no auth, no validation, no
 * logging. The load test reports the app's throughput as a ratio of this.
 */
import Fastify from 'fastify';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
const { rows } = await pool.query<{ id: string }>('select id from users limit 1000');
const ids = rows.map((row) => row.id);
let next = 0;

const app = Fastify({ logger: false });
app.get('/bare', async () => {
  next = (next + 1) % ids.length;
  const result = await pool.query('select id, name, email from users where id = $1', [ids[next]]);
  return { user: result.rows[0] ?? null };
});
// The app's accept queue (src/server/main.ts), so both meet a burst of new connections alike.
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0), backlog: 4096 });
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
