import { join } from 'node:path';
import { BENCH_AUTH, writeScaleFixture } from './fixtures.js';
import { percentile, spawnServer } from './lib.js';

/**
 * The inspector's users page (issue 15, "paging at 100k users without lag") over 100,000 users: the very
 * `user/search` bodies the page sends (ui/pages/users.tsx `searchBody`, 50 rows a page) and the login
 * history call that fills its "Last login" column, each timed client side (fetch to body read).
 */

/** ui/pages/users.tsx PAGE_SIZE. */
const PAGE_SIZE = 50;
const ROUNDS = 100;

type Report = (figure: string, value: string, target?: string, verdict?: string) => void;

const ms = (value: number) => `${value.toFixed(2)} ms`;

export async function inspectorPage(report: Report, dir: string, users: number): Promise<void> {
  const fixtures = writeScaleFixture(join(dir, 'inspector.json'), users);
  const child = await spawnServer(process.execPath, ['dist/cli.js', '--port', '0', '--fixtures', fixtures]);
  const post = async (path: string, body: unknown): Promise<unknown> => {
    const response = await fetch(`${child.url}${path}?inspector=1`, {
      method: 'POST',
      headers: { authorization: BENCH_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  };
  const time = async (figure: string, body: (i: number) => Record<string, unknown>) => {
    const times: number[] = [];
    let total = 0;
    let userIds: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      const answer = (await post('/v2/mgmt/user/search', body(i))) as {
        users: { userId: string }[];
        total: number;
      };
      times.push(performance.now() - started);
      total = answer.total;
      userIds = answer.users.map((user) => user.userId);
    }
    const p50 = percentile(times, 50);
    report(
      `inspector users page at ${users} users: ${figure} (${total} matches)`,
      `p50 ${ms(p50)}, p95 ${ms(percentile(times, 95))}`,
      'p50 < 50 ms',
      p50 < 50 ? 'met' : 'missed',
    );
    return userIds;
  };
  try {
    const firstPage = await time('first page', () => ({ page: 0, limit: PAGE_SIZE }));
    await time('page 1000 (rows 50,001-50,050)', () => ({ page: 1000, limit: PAGE_SIZE }));
    // What a person types: a whole name (thousands of matches) and one user's login ID (one match).
    await time('text search "hopper"', () => ({ text: 'hopper', page: 0, limit: PAGE_SIZE }));
    await time('text search of one login ID', (i) => ({
      text: `user${(i * 7919) % users}@bench`,
      page: 0,
      limit: PAGE_SIZE,
    }));
    await time('status filter (disabled)', () => ({ statuses: ['disabled'], page: 0, limit: PAGE_SIZE }));
    await time('status + tenant filter, page 100', () => ({
      statuses: ['enabled'],
      tenantIds: ['T2BenchAcme'],
      page: 100,
      limit: PAGE_SIZE,
    }));
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      await post('/v2/mgmt/user/history', { userIds: firstPage });
      times.push(performance.now() - started);
    }
    const p50 = percentile(times, 50);
    report(
      `inspector users page at ${users} users: login history of a page's 50 users`,
      `p50 ${ms(p50)}, p95 ${ms(percentile(times, 95))}`,
      'p50 < 50 ms',
      p50 < 50 ? 'met' : 'missed',
    );
  } finally {
    await child.stop();
  }
}
