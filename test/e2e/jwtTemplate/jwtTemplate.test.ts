import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, type Sdk, useMock } from '../../helpers/mock.js';
import { expectGoneWithProject, expectSnapshotRoundTrip, seededProject } from '../../helpers/projectState.js';

/** Management `jwtTemplate.*` through the Node SDK (descope-mgmt-more.md §13). */
const mock = useMock();
const sdk = mock.sdk();
let templates: Sdk['management']['jwtTemplate'];
beforeAll(() => {
  templates = sdk.management.jwtTemplate;
});

const DEFAULTS = {
  description: '',
  template: {},
  source: '',
  tags: [],
  authSchema: 'default',
  type: 'user',
  conformanceIssuer: false,
  autoDCT: false,
  enforceIssuer: false,
  emptyClaimPolicy: 'none',
  overrideSubject: false,
  issuerType: 'legacy',
  omitCustomClaimsFromDSR: false,
  addJti: false,
  excludePermissions: false,
};

describe('management.jwtTemplate create, load, update, list, delete', () => {
  it('create → load → update → load → delete', async () => {
    const made = await templates.create({
      name: 'Backend',
      template: { team: 'payments', plan: '{{user.customAttributes.plan}}' },
      tags: ['api'],
      authSchema: 'tenantOnly',
      addJti: true,
    });
    expect(made.ok).toBe(true);
    expect(made.data).toEqual({
      ...DEFAULTS,
      id: expect.stringMatching(/^JT/),
      name: 'Backend',
      template: { team: 'payments', plan: '{{user.customAttributes.plan}}' },
      tags: ['api'],
      authSchema: 'tenantOnly',
      addJti: true,
    });
    const id = made.data!.id!;
    expect((await templates.load(id)).data).toEqual(made.data);

    const updated = await templates.update({
      id,
      name: 'Backend v2',
      type: 'key',
      emptyClaimPolicy: 'delete',
    });
    expect(updated.data).toEqual({
      ...DEFAULTS,
      id,
      name: 'Backend v2',
      type: 'key',
      emptyClaimPolicy: 'delete',
    });
    expect((await templates.load(id)).data).toEqual(updated.data);
    expect((await templates.list()).data).toContainEqual(updated.data);

    expect((await templates.delete(id)).ok).toBe(true);
    expectRefused(await templates.load(id), 400, 'E011004');
    expectRefused(await templates.delete(id), 400, 'E011004');
    expect((await templates.list()).data!.map((template) => template.id)).not.toContain(id);
  });

  it('refuses an invalid template with 400 E011004 listing every issue code, and saves nothing', async () => {
    const before = (await templates.list()).data!.length;
    const refused = expectRefused(
      await templates.create({
        name: '',
        type: 'robot',
        authSchema: 'everyone',
        issuerType: 'self',
        emptyClaimPolicy: 'zero',
        template: { sub: 'x', roles: 'y', fine: 'z' },
      }),
      400,
      'E011004',
    );
    for (const code of [
      'NAME_MISSING (name)',
      'INVALID_TYPE (type)',
      'INVALID_AUTH_SCHEMA (authSchema)',
      'INVALID_ISSUER_TYPE (issuerType)',
      'INVALID_EMPTY_CLAIM_POLICY (emptyClaimPolicy)',
      'RESERVED_CLAIM_KEY (template.sub)',
      'RESERVED_CLAIM_KEY (template.roles)',
    ]) {
      expect(refused.errorMessage).toContain(code);
    }
    expect(refused.errorMessage).not.toContain('template.fine');
    expect((await templates.list()).data).toHaveLength(before);
  });

  it('lets a template that overrides the subject set sub', async () => {
    const made = await templates.create({
      name: 'Subject',
      overrideSubject: true,
      template: { sub: '{{user.email}}' },
    });
    expect(made.ok).toBe(true);
  });

  it('leaves the template unchanged on an invalid update, and refuses an unknown or missing ID', async () => {
    const { id } = (await templates.create({ name: 'Stable', template: { a: 1 } })).data!;
    expectRefused(await templates.update({ id, name: 'Stable', template: { exp: 1 } }), 400, 'E011004');
    expect((await templates.load(id!)).data).toMatchObject({ name: 'Stable', template: { a: 1 } });
    expectRefused(await templates.update({ id: 'JT2Nope', name: 'Ghost' }), 400, 'E011004');
    expectRefused(await templates.update({ name: 'Ghost' }), 400, 'E011002');
    expectRefused(await templates.load(''), 400, 'E011002');
    expectRefused(await mock.http('POST', '/v1/mgmt/jwt/templates/create', { body: {} }), 400, 'E011002');
    expectRefused(
      await mock.http('POST', '/v1/mgmt/jwt/templates/create', { body: { template: { name: 5 } } }),
      400,
      'E011001',
    );
  });
});

describe('management.jwtTemplate.validate', () => {
  it('answers 200 with {valid, issues} for an inline template, a saved one, and an unknown ID', async () => {
    const valid = await templates.validate('', { name: 'Fine', template: { team: 'a' } });
    expect(valid).toMatchObject({ ok: true, data: { valid: true, issues: [] } });

    const invalid = await templates.validate('', { name: '', template: { iss: 'me' } });
    expect(invalid.ok).toBe(true);
    expect(invalid.data).toEqual({
      valid: false,
      issues: [
        { field: 'name', code: 'NAME_MISSING', message: expect.any(String), hint: expect.any(String) },
        {
          field: 'template.iss',
          code: 'RESERVED_CLAIM_KEY',
          message: expect.any(String),
          hint: expect.any(String),
        },
      ],
    });

    const { id } = (await templates.create({ name: 'Saved' })).data!;
    expect((await templates.validate(id!)).data).toEqual({ valid: true, issues: [] });
    // An inline template is laid over the saved one it names.
    const over = await templates.validate(id!, { type: 'machine' });
    expect(over.data!.issues!.map((issue: any) => issue.code)).toEqual(['INVALID_TYPE']);

    const unknown = await templates.validate('JT2Nope');
    expect(unknown.ok).toBe(true);
    expect(unknown.data).toMatchObject({ valid: false, issues: [{ code: 'TEMPLATE_NOT_FOUND' }] });
  });
});

describe('management.jwtTemplate library', () => {
  it('lists the static entries, loads one, and applies it with overrides', async () => {
    const entries = (await templates.listLibrary()).data!;
    expect(entries.map((entry) => entry.id)).toEqual(['hasura', 'supabase', 'access-key-basic']);
    const supabase = (await templates.loadLibraryEntry('supabase')).data!;
    expect(supabase).toEqual(entries[1]);
    expect(supabase).toMatchObject({ experimental: false, logoLight: '', logoDark: '', type: 'user' });

    const plain = await templates.applyFromLibrary({ libraryEntryId: 'supabase' });
    expect(plain.data).toMatchObject({
      id: expect.stringMatching(/^JT/),
      name: 'Supabase',
      source: 'library:supabase',
      template: supabase.template,
    });
    const overridden = await templates.applyFromLibrary({
      libraryEntryId: 'supabase',
      nameOverride: 'Supabase (staging)',
      descriptionOverride: 'staging',
      tagsOverride: ['staging'],
      templateOverride: { role: 'service_role', env: 'staging' },
    });
    expect(overridden.data).toMatchObject({
      name: 'Supabase (staging)',
      description: 'staging',
      tags: ['staging'],
      template: { role: 'service_role', email: '{{user.email}}', env: 'staging' },
    });
    expect((await templates.load(overridden.data!.id!)).data).toEqual(overridden.data);
  });

  it('refuses an unknown entry, and an override that makes the template invalid', async () => {
    expectRefused(await templates.loadLibraryEntry('nope'), 400, 'E011004');
    expectRefused(await templates.applyFromLibrary({ libraryEntryId: 'nope' }), 400, 'E011004');
    expectRefused(await templates.applyFromLibrary({ libraryEntryId: '' }), 400, 'E011002');
    expectRefused(
      await templates.applyFromLibrary({ libraryEntryId: 'hasura', templateOverride: { exp: 0 } }),
      400,
      'E011004',
    );
  });
});

describe('JWT templates in fixtures and snapshots', () => {
  it('seeds templates from a fixture, restores them from a snapshot, and deletes them with the project', async () => {
    const { projectId, sdk: seeded } = await seededProject(mock, {
      jwtTemplates: [{ id: 'JT2Seeded', name: 'Seeded', type: 'key', template: { team: 'ops' } }],
    });
    const jwtTemplate = seeded.management.jwtTemplate;
    expect((await jwtTemplate.load('JT2Seeded')).data).toEqual({
      ...DEFAULTS,
      id: 'JT2Seeded',
      name: 'Seeded',
      type: 'key',
      template: { team: 'ops' },
    });
    const snapshot = await expectSnapshotRoundTrip(
      mock,
      projectId,
      async () => (await jwtTemplate.list()).data,
      async () => {
        expect((await jwtTemplate.update({ id: 'JT2Seeded', name: 'Changed' })).ok).toBe(true);
        expect((await jwtTemplate.applyFromLibrary({ libraryEntryId: 'hasura' })).ok).toBe(true);
      },
    );
    expect(snapshot.jwtTemplates).toEqual((await jwtTemplate.list()).data);

    await expectGoneWithProject(
      mock,
      projectId,
      async (sdk) => (await sdk.management.jwtTemplate.list()).data,
      [],
    );
  });

  it('refuses a fixture whose template the API would refuse, naming it', async () => {
    const refused = await mock.control('POST', '/_mock/projects', {
      jwtTemplates: [{ name: 'Bad', template: { iat: 1 } }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errorMessage).toMatch(/jwtTemplates\[0\].*RESERVED_CLAIM_KEY/);
  });
});
