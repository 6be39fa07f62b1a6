/**
 * The ceiling the mock is measured against: a bare Fastify route on the same machine that checks the same
 * bearer header and answers the same user JSON, with no store, no validation and no logging.
 */
import Fastify from 'fastify';
import { BENCH_PROJECT, sampleUser } from './fixtures.js';

const app = Fastify({ logger: false });
const expected = `Bearer ${BENCH_PROJECT.projectId}:${BENCH_PROJECT.managementKey}`;
const body = { user: sampleUser(), created: false };

app.post('/v1/mgmt/user/update/name', (request, reply) => {
  if (request.headers.authorization !== expected) return reply.status(401).send({ errorCode: 'E011003' });
  return body;
});
app.get('/v1/mgmt/user', (request, reply) => {
  if (request.headers.authorization !== expected) return reply.status(401).send({ errorCode: 'E011003' });
  return body;
});
app.post('/v2/mgmt/user/search', (request, reply) => {
  if (request.headers.authorization !== expected) return reply.status(401).send({ errorCode: 'E011003' });
  return { users: [body.user], total: 1 };
});

const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${address}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
