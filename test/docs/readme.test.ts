import { readFileSync } from 'node:fs';
import DescopeClient from '@descope/node-sdk';
import { describe, expect, it } from 'vitest';
import { FLAGS } from '../../src/config.js';
import { useMock } from '../helpers/mock.js';

/**
 * The README promises things a newcomer copies: the two commands, the SDK snippet against the default
 * configuration, and the configuration table. Each is checked against what the mock really does.
 */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const snippet = /```ts\n([^`]*DescopeClient\(\{[^`]*)```/.exec(README)?.[1] ?? '';
const field = (name: string) => new RegExp(`${name}: '([^']+)'`).exec(snippet)?.[1];

// The default configuration of `npm start`: default project and key, fixtures/demo.json.
const mock = useMock({ fixtures: 'fixtures/demo.json' });

describe('README.md', () => {
  it('gives the two commands a newcomer needs', () => {
    expect(README).toContain('npm ci && npm start');
    expect(README).toContain('npm ci && npm test');
  });

  it('has an SDK snippet that works against the default configuration, only the port changed', async () => {
    const projectId = field('projectId');
    const managementKey = field('managementKey');
    const baseUrl = field('baseUrl');
    expect(baseUrl).toBe('http://127.0.0.1:7357');
    const loginId = /user\.load\('([^']+)'\)/.exec(snippet)?.[1];
    expect(loginId).toBeDefined();
    const descope = DescopeClient({ projectId: projectId as string, managementKey, baseUrl: mock.url });
    const { ok, data } = await descope.management.user.load(loginId as string);
    expect(ok).toBe(true);
    expect(data?.loginIds).toContain(loginId);
  });

  it('has a Sessions example whose minted session holds the roles it says, against the demo fixtures', async () => {
    const example = /## Sessions\n[\s\S]*?```ts\n([^`]*)```/.exec(README)?.[1] ?? '';
    const loginId = /mintSession\('([^']+)'\)/.exec(example)?.[1] as string;
    const minted = await mock.control('POST', `/_mock/projects/${field('projectId')}/sessions`, { loginId });
    expect(minted.status).toBe(201);
    const descope = DescopeClient({ projectId: field('projectId') as string, baseUrl: mock.url });
    const session = await descope.validateSession(minted.body.sessionJwt);
    const [, roles = ''] = /validateRoles\(session, \[([^\]]*)\]\); \/\/ true/.exec(example) ?? [];
    const [, tenant = '', tenantRoles = ''] =
      /validateTenantRoles\(session, '([^']+)', \[([^\]]*)\]\); \/\/ true/.exec(example) ?? [];
    const names = (list: string) => list.split(',').map((name) => name.trim().replace(/^'|'$/g, ''));
    expect(roles).not.toBe('');
    expect(descope.validateRoles(session, names(roles))).toBe(true);
    expect(descope.validateTenantRoles(session, tenant, names(tenantRoles))).toBe(true);
  });

  it('documents every flag with its environment variable', () => {
    for (const { flag, env } of Object.values(FLAGS)) {
      expect(README, flag).toMatch(new RegExp(`\\| \`${flag}[^|]*\\|\\s*\`${env}\`\\s*\\|`));
    }
  });
});
