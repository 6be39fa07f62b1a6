import { writeFileSync } from 'node:fs';
import type { Catalog } from '../src/domain/catalog.js';
import { blankUser } from '../src/domain/user.js';
import { toWireUser } from '../src/domain/wire.js';
import type { User } from '../src/schemas/user.js';

/** The project every benchmark runs against (not the default one, so the bearer check does real work). */
export const BENCH_PROJECT = { projectId: 'P2BenchProject00000000000000', managementKey: 'K2BenchKey' };
export const TENANTS = ['T2BenchAcme', 'T2BenchGlobex', 'T2BenchInitech', 'T2BenchUmbrella'];
export const ROLES = ['Viewer', 'Editor', 'Billing'];

/** The bench project's bearer header. */
export const BENCH_AUTH = `Bearer ${BENCH_PROJECT.projectId}:${BENCH_PROJECT.managementKey}`;
export const SEARCH_BODY = { tenantIds: ['T2BenchAcme'], roleNames: ['Editor'], limit: 100 };

/** The requests measured under load (bench/run.ts) and profiled (bench/profile.ts), against a scale fixture. */
export interface BenchRequest {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}
export const BENCH_REQUESTS: Record<'update' | 'load' | 'search', BenchRequest> = {
  update: {
    name: 'update/name',
    method: 'POST',
    path: '/v1/mgmt/user/update/name',
    body: { loginId: 'user7@bench.example', displayName: 'Renamed' },
  },
  load: { name: 'GET user', method: 'GET', path: '/v1/mgmt/user?loginId=user7%40bench.example' },
  search: {
    name: 'filtered search',
    method: 'POST',
    path: '/v2/mgmt/user/search',
    body: SEARCH_BODY,
  },
};

/** A user as the mock answers it (built by the mock's own serialiser), for the bare route to send the same bytes. */
export function sampleUser(): User {
  const permissionsOf = (name: string) => (name === 'Editor' ? ['Edit'] : ['Read']);
  const catalog: Catalog = {
    tenant: (id) => ({ id, name: 'Acme' }),
    role: (name, tenantId = '') => ({ name, tenantId, permissionNames: permissionsOf(name) }),
    attribute: () => undefined,
    ssoApp: () => false,
  };
  const user = {
    ...blankUser('user0@bench.example', 1_764_000_000_000),
    userId: 'U2Bench00000000000000000000',
    name: 'Bench User 0',
    givenName: 'Bench',
    familyName: 'User',
    email: 'user0@bench.example',
    verifiedEmail: true,
    status: 'enabled' as const,
    roleNames: ['Viewer'],
    userTenants: [{ tenantId: 'T2BenchAcme', roleNames: ['Editor'] }],
  };
  return toWireUser(user, catalog);
}

/** Names and statuses the scale users cycle through. */
const STATUSES = ['enabled', 'enabled', 'enabled', 'disabled', 'invited'] as const;
const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim'];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
  'Lee',
];

/** The identity of scale user `i` (also used by bench/search-scale.ts): login ID, names, phone and status. */
export function scaleUserBasics(i: number) {
  const givenName = FIRST[i % FIRST.length] as string;
  const familyName = LAST[Math.floor(i / 10) % LAST.length] as string;
  return {
    loginId: `user${i}@bench.example`,
    name: `${givenName} ${familyName} ${i}`,
    givenName,
    familyName,
    phone: `+1555${String(i).padStart(7, '0')}`,
    status: STATUSES[i % STATUSES.length],
  };
}

/** A fixture file with `count` users spread over tenants, roles and statuses; returns its path. */
export function writeScaleFixture(path: string, count: number): string {
  const users = [];
  for (let i = 0; i < count; i++) {
    const tenantId = TENANTS[i % TENANTS.length] as string;
    users.push({
      ...scaleUserBasics(i),
      roleNames: [ROLES[i % ROLES.length]],
      userTenants: [{ tenantId, roleNames: [ROLES[(i >> 2) % ROLES.length]] }],
    });
  }
  const project = {
    ...BENCH_PROJECT,
    managementKeys: [BENCH_PROJECT.managementKey],
    permissions: [{ name: 'Read' }, { name: 'Edit' }],
    roles: ROLES.map((name) => ({ name, permissionNames: ['Read'] })),
    tenants: TENANTS.map((id) => ({ id, name: id.slice(7) })),
    users,
  };
  delete (project as { managementKey?: string }).managementKey;
  writeFileSync(path, JSON.stringify({ projects: [project] }));
  return path;
}
