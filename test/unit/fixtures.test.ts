import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { FixtureError } from '../../src/fixtures/error.js';
import { readFixtureFile } from '../../src/fixtures/read.js';
import { buildServer } from '../../src/server.js';

const dir = mkdtempSync(join(tmpdir(), 'descope-mock-fixtures-'));
const built: { close(): Promise<unknown> }[] = [];
afterAll(async () => {
  await Promise.all(built.map((app) => app.close()));
});

/** A valid project; each case breaks one thing in a copy of it. */
function project(): any {
  return {
    projectId: 'P2FixtureTest00000000000000',
    managementKeys: ['K2Fixture'],
    permissions: [{ name: 'Read' }],
    tenants: [
      { id: 'T2A', name: 'A' },
      { id: 'T2B', name: 'B', parent: 'T2A' },
    ],
    roles: [
      { name: 'Reader', permissionNames: ['Read'] },
      { name: 'Nurse', tenantId: 'T2A', permissionNames: ['Read', 'Impersonate'] },
    ],
    customAttributes: [
      { name: 'plan', type: 'singleSelect', options: [{ value: 'free' }, { value: 'pro' }] },
      { name: 'seats', type: 'numeric' },
    ],
    users: [
      { loginId: 'a@example.com', roleNames: ['Reader', 'Tenant Admin'] },
      { loginId: 'b@example.com', userTenants: [{ tenantId: 'T2A', roleNames: ['Nurse'] }] },
      { loginId: '+1 555 555 0100', customAttributes: { plan: 'pro', seats: 3 } },
      { loginId: 'd@example.com', ssoAppIds: ['descope-default-oidc'], status: 'expired' },
    ],
  };
}

let counter = 0;
/** Writes the file and builds the server from it as the CLI does; returns the error message, if any. */
function load(content: unknown): { path: string; error?: string } {
  const path = join(dir, `fixture-${++counter}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  try {
    built.push(buildServer({ fixtures: path, logLevel: 'silent' }));
    return { path };
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error;
    return { path, error: error.message };
  }
}

function expectError(change: (p: any) => void, message: string, wrap = true): void {
  const p = project();
  change(p);
  const { path, error } = load(wrap ? { projects: [p] } : p);
  expect(error).toBe(`${path}: ${message}`);
}

describe('fixture files', () => {
  it('loads a valid file with every kind of reference', () => {
    expect(load({ projects: [project()] }).error).toBeUndefined();
  });

  it('names the file when it cannot be read or parsed', () => {
    expect(() => readFixtureFile(join(dir, 'missing.json'))).toThrow(
      /missing\.json: cannot read fixture file \(ENOENT\)/,
    );
    const { path, error } = load('{"projects": [');
    expect(error).toMatch(new RegExp(`^${path}: not valid JSON \\(`));
  });

  it.each([
    [
      'no projects list',
      (p: any) => delete p.projects,
      'projects: Invalid input: expected array, received undefined',
    ],
    [
      'an invalid email',
      (p: any) => (p.projects[0].users[3].email = 'nope'),
      'projects[0].users[3].email: invalid email',
    ],
    [
      'a missing loginId',
      (p: any) => delete p.projects[0].users[1].loginId,
      'projects[0].users[1].loginId: Invalid input: expected string, received undefined',
    ],
    [
      'no management key',
      (p: any) => (p.projects[0].managementKeys = []),
      'projects[0].managementKeys: at least one management key',
    ],
    [
      'an unknown attribute type',
      (p: any) => (p.projects[0].customAttributes[1].type = 'money'),
      'projects[0].customAttributes[1].type: Invalid option: expected one of "text"|"numeric"|"boolean"|"singleSelect"|"multiSelect"|"date"',
    ],
    [
      'a wrong type',
      (p: any) => (p.projects[0].users[0].roleNames = 'Reader'),
      'projects[0].users[0].roleNames: Invalid input: expected array, received string',
    ],
    [
      'a signing key that is not one',
      (p: any) => (p.projects[0].signingKey = 'not a key'),
      'projects[0].signingKey: not a PEM private key',
    ],
    [
      'a token lifetime of zero',
      (p: any) => (p.projects[0].sessionTokenTtl = 0),
      'projects[0].sessionTokenTtl: Too small: expected number to be >=1',
    ],
  ])('rejects %s, naming the path (zod)', (_name, change, message) => {
    const file = { projects: [project()] };
    change(file);
    const { path, error } = load(file);
    expect(error).toBe(`${path}: ${message}`);
  });

  it.each([
    [
      'a tenant in userTenants',
      (p: any) => (p.users[3].userTenants = [{ tenantId: 'T2x' }]),
      'projects[0].users[3].userTenants[0].tenantId: unknown tenant "T2x"',
    ],
    [
      'a project role',
      (p: any) => p.users[0].roleNames.push('Ghost'),
      'projects[0].users[0].roleNames[2]: unknown role "Ghost"',
    ],
    [
      'a role of another tenant',
      (p: any) => (p.users[1].userTenants = [{ tenantId: 'T2B', roleNames: ['Nurse'] }]),
      'projects[0].users[1].userTenants[0].roleNames[0]: unknown role "Nurse" for tenant "T2B"',
    ],
    [
      'a tenant-scoped role used at project level',
      (p: any) => (p.users[0].roleNames = ['Nurse']),
      'projects[0].users[0].roleNames[0]: unknown role "Nurse"',
    ],
    [
      'a permission of a role',
      (p: any) => p.roles[0].permissionNames.push('Write'),
      'projects[0].roles[0].permissionNames[1]: unknown permission "Write"',
    ],
    [
      'the tenant of a role',
      (p: any) => (p.roles[1].tenantId = 'T2Nope'),
      'projects[0].roles[1].tenantId: unknown tenant "T2Nope"',
    ],
    [
      'a custom attribute',
      (p: any) => (p.users[2].customAttributes.colour = 'red'),
      'projects[0].users[2].customAttributes.colour: unknown custom attribute "colour"',
    ],
    [
      'a custom attribute value',
      (p: any) => (p.users[2].customAttributes.plan = 'gold'),
      'projects[0].users[2].customAttributes.plan: Custom attribute "plan" expects a value among: free, pro',
    ],
    [
      'an SSO application',
      (p: any) => p.users[3].ssoAppIds.push('app-x'),
      'projects[0].users[3].ssoAppIds[1]: unknown SSO application "app-x"',
    ],
    [
      'a parent listed after its child',
      (p: any) => p.tenants.reverse(),
      'projects[0].tenants[0].parent: unknown tenant "T2A" (list parents first)',
    ],
    [
      'a phone',
      (p: any) => (p.users[0].phone = 'call me'),
      'projects[0].users[0].phone: The phone field is not a valid phone number',
    ],
  ])('rejects an unknown reference: %s', (_name, change, message) => {
    const p = project();
    change(p);
    const { path, error } = load({ projects: [p] });
    expect(error).toBe(`${path}: ${message}`);
  });

  it('rejects duplicate login IDs across users, whatever their spelling', () => {
    expectError(
      (p) => p.users.push({ loginId: 'A@Example.com' }),
      'projects[0].users[4].loginId: duplicate login ID "A@Example.com" (already used by users[0])',
    );
    expectError(
      (p) => (p.users[1].additionalLoginIds = ['+1-555-555-0100']),
      'projects[0].users[2].loginId: duplicate login ID "+1 555 555 0100" (already used by users[1])',
    );
    expectError(
      (p) => p.users.push({ loginId: 'z@example.com', additionalLoginIds: ['B@EXAMPLE.COM'] }),
      'projects[0].users[4].additionalLoginIds[0]: duplicate login ID "B@EXAMPLE.COM" (already used by users[1])',
    );
  });

  it('rejects a user ID pinned twice, naming the second user', () => {
    expectError((p) => {
      p.users[0].userId = 'U2Same';
      p.users[2].userId = 'U2Same';
    }, 'projects[0].users[2]: User ID "U2Same" is already in use');
  });

  it('names the user past the first batch of a large fixture, and the holder of its login ID', () => {
    const many = Array.from({ length: 600 }, (_, i) => ({ loginId: `user${i}@example.com` }));
    expectError(
      (p) => p.users.push(...many, { loginId: 'USER5@example.com' }),
      'projects[0].users[604].loginId: duplicate login ID "USER5@example.com" (already used by users[9])',
    );
    expectError((p) => {
      p.users.push(...many);
      p.users[550].roleNames = ['Ghost'];
    }, 'projects[0].users[550].roleNames[0]: unknown role "Ghost"');
  });

  /** A server whose default project P2Configured is a fixture entry (listing K2Fixture), started with K2Flag. */
  const withConfiguredKey = (file: string, others: object[]) => {
    const path = join(dir, file);
    writeFileSync(
      path,
      JSON.stringify({ projects: [{ ...project(), projectId: 'P2Configured' }, ...others] }),
    );
    const app = buildServer({
      fixtures: path,
      projectId: 'P2Configured',
      managementKey: 'K2Flag',
      logLevel: 'silent',
    });
    built.push(app);
    return app;
  };

  it('seeds the default project from its entry, with the configured key as its only key', async () => {
    const app = withConfiguredKey('default-project.json', []);
    const response = await loadUser(app, 'P2Configured', 'K2Flag');
    expect(response.statusCode).toBe(200);
    expect(response.json().user.roleNames).toEqual(['Reader', 'Tenant Admin']);
    // The fixture's own key would weaken the configured one: it is replaced, not kept beside it.
    expect((await loadUser(app, 'P2Configured', 'K2Fixture')).statusCode).toBe(401);
  });

  it('keeps the keys of every other project as their entries list them', async () => {
    const other = { ...project(), projectId: 'P2Other', managementKeys: ['K2OtherA', 'K2OtherB'] };
    const app = withConfiguredKey('two-projects.json', [other]);
    for (const key of ['K2OtherA', 'K2OtherB']) {
      expect((await loadUser(app, 'P2Other', key)).statusCode, key).toBe(200);
    }
  });

  it('rejects a project ID listed twice', () => {
    const { path, error } = load({ projects: [project(), project()] });
    expect(error).toBe(
      `${path}: projects[1].projectId: Project "P2FixtureTest00000000000000" already exists`,
    );
  });
});

/** Loads the fixtures' user a@example.com with the project's key, as the SDK's user.load sends it. */
const loadUser = (app: FastifyInstance, projectId: string, key: string) =>
  app.inject({
    method: 'GET',
    url: '/v1/mgmt/user?loginId=a%40example.com',
    headers: { authorization: `Bearer ${projectId}:${key}` },
  });
