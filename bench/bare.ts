/**
 * The ceiling the mock is measured against: a bare Fastify route on the same machine that checks the same
 * bearer header and answers the same user JSON, with no store, no validation and no logging.
 */
import Fastify from 'fastify';
import { generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
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

// The session routes' floor (bench/sessions.ts): verify the bearer's token with the mock's published key,
// and for a refresh sign a new one with an RSA key of the same size.
if (process.env.BENCH_SESSION_JWK) {
  const published = await importJWK(JSON.parse(process.env.BENCH_SESSION_JWK) as JWK, 'RS256');
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const verified = async (authorization: string | undefined) => {
    const token = authorization?.split(':')[1] ?? '';
    return (await jwtVerify(token, published)).payload;
  };
  app.post('/v1/auth/refresh', async (request) => {
    const claims = await verified(request.headers.authorization);
    const sessionJwt = await new SignJWT({ ...claims, drn: 'DS' })
      .setProtectedHeader({ alg: 'RS256', kid: 'bare' })
      .sign(privateKey);
    return { sessionJwt, user: body.user, firstSeen: false };
  });
  app.get('/v1/auth/me', async (request) => {
    await verified(request.headers.authorization);
    return body.user;
  });
}

const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${address}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
