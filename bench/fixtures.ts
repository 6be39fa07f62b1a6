import { writeFileSync } from 'node:fs';
import type { Catalog } from '../src/domain/catalog.js';
import { blankUser } from '../src/domain/user.js';
import { toWireUser } from '../src/domain/wire.js';
import type { User } from '../src/schemas/user.js';

/** The project every benchmark runs against (not the default one, so the bearer check does real work). */
export const BENCH_PROJECT = { projectId: 'P2BenchProject00000000000000', managementKey: 'K2BenchKey' };
export const TENANTS = ['T2BenchAcme', 'T2BenchGlobex', 'T2BenchInitech', 'T2BenchUmbrella'];
export const ROLES = ['Viewer', 'Editor', 'Billing'];

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

/** Names and statuses the scale users cycle through (also used by bench/search-scale.ts). */
export const STATUSES = ['enabled', 'enabled', 'enabled', 'disabled', 'invited'] as const;
export const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
  'Tim',
];
export const LAST = [
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

/** A fixture file with `count` users spread over tenants, roles and statuses; returns its path. */
export function writeScaleFixture(path: string, count: number): string {
  const users = [];
  for (let i = 0; i < count; i++) {
    const tenantId = TENANTS[i % TENANTS.length] as string;
    users.push({
      loginId: `user${i}@bench.example`,
      name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / 10) % LAST.length]} ${i}`,
      givenName: FIRST[i % FIRST.length],
      familyName: LAST[Math.floor(i / 10) % LAST.length],
      phone: `+1555${String(i).padStart(7, '0')}`,
      status: STATUSES[i % STATUSES.length],
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
