// The cold-start baseline of bench/run.ts: a bare Fastify app, plain JavaScript (nothing to compile), with one
// route that answers the create the benchmark sends. Spawn to its first answer is the floor for the mock's.
import Fastify from 'fastify';

const app = Fastify();
app.post('/v1/mgmt/user/create', (request) => ({
  user: { loginIds: [request.body.loginId] },
  created: true,
}));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${address}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
