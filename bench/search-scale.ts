/**
 * User search at scale: seeds BENCH_USERS (default 100,000) users straight through the store, then times
 * representative searches through the production server (`app.inject`, so validation, the query, the count
 * and the wire users are all in the figure). Run: `npx tsx bench/search-scale.ts`.
 *
 * Targets (issue 7): a filtered search p50 under 10 ms, a text search p50 under 50 ms. The figures of
 * docs/performance.md come from bench/run.ts (`npm run bench`), which times the same two kinds of query over HTTP.
 */
import { buildUser } from '../src/domain/userCreate.js';
import { ProjectFixtureSchema } from '../src/fixtures/schema.js';
import { seedProject } from '../src/fixtures/seed.js';
import { buildServer } from '../src/server.js';
import { scaleUserBasics } from './fixtures.js';
import { percentile } from './lib.js';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const PROJECT = { projectId: 'P2SearchBench000000000000000', managementKey: 'K2SearchBench' };
const TENANTS = ['T2Acme', 'T2Globex', 'T2Initech', 'T2Umbrella'];
const ROLES = ['Viewer', 'Editor', 'Billing'];
const START_MS = Date.UTC(2026, 0, 1);

const app = buildServer({ fixtures: 'none', logLevel: 'silent' });
const { store } = app.services;

function seed(): number {
  const started = performance.now();
  // Parsed like a fixture file, so every key left out takes the fixture format's default.
  const project = ProjectFixtureSchema.parse({
    ...PROJECT,
    name: 'Search bench',
    managementKeys: [PROJECT.managementKey],
    roles: ROLES.map((name) => ({ name })),
    tenants: [
      ...TENANTS.map((id) => ({ id, name: id.slice(2) })),
      { id: 'T2AcmeEast', name: 'Acme East', parent: 'T2Acme' },
    ],
    customAttributes: [
      { name: 'plan', type: 'singleSelect', options: ['free', 'pro', 'team'].map((value) => ({ value })) },
      { name: 'seats', type: 'numeric' },
    ],
  });
  seedProject(store, project, 'bench');
  const catalog = store.catalog.forProject(PROJECT.projectId);
  store.transaction(() => {
    for (let i = 0; i < USERS; i++) {
      const tenantId = i % 50 === 0 ? 'T2AcmeEast' : (TENANTS[i % TENANTS.length] as string);
      const user = buildUser(
        {
          ...scaleUserBasics(i),
          roleNames: [ROLES[i % ROLES.length] as string],
          userTenants: [{ tenantId, roleNames: [ROLES[(i >> 2) % ROLES.length] as string] }],
          customAttributes: { plan: ['free', 'pro', 'team'][i % 3], seats: i % 100 },
          ssoAppIds: i % 7 === 0 ? ['descope-default-oidc'] : [],
          test: i % 1000 === 0,
        },
        catalog,
        START_MS + i * 1000,
      );
      store.users.insert(PROJECT.projectId, user);
    }
  });
  return performance.now() - started;
}

const SEARCHES: [string, Record<string, unknown>][] = [
  ['no filter (first page of every user)', {}],
  ['statuses: disabled', { statuses: ['disabled'] }],
  ['tenantIds + roleNames', { tenantIds: ['T2Acme'], roleNames: ['Editor'], limit: 100 }],
  ['tenantIds + includeSubTenants', { tenantIds: ['T2Acme'], includeSubTenants: true }],
  ['tenantRoleNames (and)', { tenantRoleNames: { T2Globex: { values: ['Editor', 'Viewer'], and: true } } }],
  [
    'roleNames, sorted by displayName desc',
    { roleNames: ['Billing'], sort: [{ field: 'displayName', desc: true }] },
  ],
  ['customAttributes plan=pro + status', { customAttributes: { plan: 'pro' }, statuses: ['enabled'] }],
  ['ssoAppIds', { ssoAppIds: ['descope-default-oidc'] }],
  ['one email', { emails: ['user4242@bench.example'] }],
  ['one login ID', { loginIds: ['user4242@bench.example'] }],
  // Users are created a second apart: an hour holds 3,600 of them.
  [
    'createdTime range (one hour)',
    { fromCreatedTime: START_MS + 10_000_000, toCreatedTime: START_MS + 13_599_999 },
  ],
  ['testUsersOnly', { testUsersOnly: true }],
  ['deep page (page 400)', { page: 400, limit: 100 }],
  ['sort by email, page 2', { sort: [{ field: 'email' }], page: 2 }],
  ['text: one user ("hopper 1010")', { text: 'hopper 1010' }],
  ['text: many users ("lovelace")', { text: 'lovelace' }],
  ['text: nobody ("zzz")', { text: 'zzz' }],
];

/**
 * Wall time of each request, and the CPU time this process spent on it: on a shared machine the CPU figure
 * is the one that does not count the time spent waiting for a core.
 */
async function time(
  body: Record<string, unknown>,
): Promise<{ p50: number; p99: number; cpu50: number; total: number }> {
  const inject = () =>
    app.inject({
      method: 'POST',
      url: '/v2/mgmt/user/search',
      headers: { authorization: `Bearer ${PROJECT.projectId}:${PROJECT.managementKey}` },
      payload: body,
    });
  const first = await inject();
  if (first.statusCode !== 200)
    throw new Error(`${JSON.stringify(body)} answered ${first.statusCode}: ${first.body}`);
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await inject();
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    cpu50: percentile(cpus, 50),
    total: first.json().total,
  };
}

const seedMs = seed();
console.log(
  `seeded ${USERS} users through the store in ${(seedMs / 1000).toFixed(2)} s; ${RUNS} runs a search\n`,
);
console.log('| search | matches | p50 | p99 | CPU p50 |\n| --- | ---: | ---: | ---: | ---: |');
for (const [name, body] of SEARCHES) {
  const { p50, p99, cpu50, total } = await time(body);
  console.log(
    `| ${name} | ${total} | ${p50.toFixed(2)} ms | ${p99.toFixed(2)} ms | ${cpu50.toFixed(2)} ms |`,
  );
}
await app.close();
