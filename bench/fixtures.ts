import { writeFileSync } from 'node:fs';

/** The project every benchmark runs against (not the default one, so the bearer check does real work). */
export const BENCH_PROJECT = { projectId: 'P2BenchProject00000000000000', managementKey: 'K2BenchKey' };
export const TENANTS = ['T2BenchAcme', 'T2BenchGlobex', 'T2BenchInitech', 'T2BenchUmbrella'];
export const ROLES = ['Viewer', 'Editor', 'Billing'];

/** A user as the mock answers it, for the bare route to send the same bytes. */
export function sampleUser() {
  return {
    loginIds: ['user0@bench.example'],
    userId: 'U2Bench00000000000000000000',
    name: 'Bench User 0',
    givenName: 'Bench',
    middleName: '',
    familyName: 'User',
    email: 'user0@bench.example',
    verifiedEmail: true,
    phone: '',
    verifiedPhone: false,
    roleNames: ['Viewer'],
    userTenants: [
      { tenantId: 'T2BenchAcme', tenantName: 'Acme', roleNames: ['Editor'], permissions: ['Edit'] },
    ],
    status: 'enabled',
    externalIds: ['user0@bench.example'],
    picture: '',
    test: false,
    customAttributes: {},
    createdTime: 1764000000,
    TOTP: false,
    SAML: false,
    OAuth: {},
    webauthn: false,
    password: false,
    ssoAppIds: [],
    editable: true,
    SCIM: false,
    push: false,
    permissions: ['Read'],
    OIDC: false,
    consentExpiration: 0,
    recoveryEmail: '',
    verifiedRecoveryEmail: false,
    recoveryPhone: '',
    verifiedRecoveryPhone: false,
  };
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
