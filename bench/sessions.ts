import { join } from 'node:path';
import { BENCH_PROJECT, writeScaleFixture } from './fixtures.js';
import { compare, spawnServer } from './lib.js';

/**
 * Sessions (issue 11): `POST /v1/auth/refresh` and `GET /v1/auth/me` under load, the mock against a bare
 * Fastify route doing the same cryptography (bench/bare.ts: verify the bearer's RS256 token with the
 * project's published key, sign a new one). A token's signature costs far more than a bare route's JSON, so
 * a bare route that skips it would measure RSA, not the mock.
 */

type Report = (figure: string, value: string, target?: string, verdict?: string) => void;

export async function sessions(report: Report, dir: string, seconds: number): Promise<void> {
  const fixtures = writeScaleFixture(join(dir, 'sessions.json'), 1000);
  const mock = await spawnServer(process.execPath, ['dist/cli.js', '--port', '0', '--fixtures', fixtures]);
  try {
    const minted = await fetch(`${mock.url}/_mock/projects/${BENCH_PROJECT.projectId}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: 'user7@bench.example' }),
    });
    if (minted.status !== 201) {
      report('sessions', `not measured: the minter answered ${minted.status}`);
      return;
    }
    const { refreshJwt } = (await minted.json()) as { refreshJwt: string };
    const keys = (await (await fetch(`${mock.url}/v2/keys/${BENCH_PROJECT.projectId}`)).json()) as {
      keys: unknown[];
    };
    const bare = await spawnServer(process.execPath, ['--import', 'tsx', 'bench/bare.ts'], {
      BENCH_SESSION_JWK: JSON.stringify(keys.keys[0]),
    });
    try {
      const auth = `Bearer ${BENCH_PROJECT.projectId}:${refreshJwt}`;
      for (const [name, request] of [
        ['refresh (verify + sign)', { method: 'POST' as const, path: '/v1/auth/refresh', body: {}, auth }],
        ['me (verify)', { method: 'GET' as const, path: '/v1/auth/me', auth }],
      ] as const) {
        const [m, b] = await compare(mock, bare, request, seconds);
        const ratio = m.rps / b.rps;
        report(
          `${name}: mock / bare Fastify with the same crypto (req/s, alternating rounds)`,
          `${m.rps.toFixed(0)} / ${b.rps.toFixed(0)} req/s = ${ratio.toFixed(2)}; CPU a request ${m.cpuUs.toFixed(0)} / ${b.cpuUs.toFixed(0)} µs; p50 ${m.p50} / ${b.p50} ms${m.errors ? `; ${m.errors} errors` : ''}`,
          '≥ 0.6',
          ratio >= 0.6 ? 'met' : 'missed',
        );
      }
    } finally {
      await bare.stop();
    }
  } finally {
    await mock.stop();
  }
}
