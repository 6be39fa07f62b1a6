import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { expectGoneWithProject, seededProject } from '../../helpers/projectState.js';

const mock = useMock();

async function newProject(document: Record<string, unknown> = {}) {
  const created = await mock.control('POST', '/_mock/projects', document);
  expect(created.status).toBe(201);
  return mock.sdk(created.body as { projectId: string; managementKey: string });
}

const DEFAULT_IDS = ['sign-in', 'sign-up', 'sign-up-or-in', 'step-up', 'update-user'];

describe('management.flow.list', () => {
  it('lists the default flows a new project starts with, total equal to their count', async () => {
    const sdk = await newProject();
    const listed = await sdk.management.flow.list();
    expect(listed.ok).toBe(true);
    const { flows, total } = listed.data as unknown as { flows: { id: string }[]; total: number };
    expect(flows.map((flow) => flow.id)).toEqual(DEFAULT_IDS);
    expect(total).toBe(flows.length);
    expect(flows[0]).toEqual({
      id: 'sign-in',
      name: 'Sign In',
      description: expect.any(String),
      disabled: false,
    });
    const some = await mock.http('POST', '/v1/mgmt/flow/list', { body: { ids: ['step-up'] } });
    expect(some.body).toMatchObject({ flows: [{ id: 'step-up' }], total: 1 });
  });
});

describe('management.flow.import / export / delete', () => {
  it('imports a flow with its screens, exports it back with a new etag on each import', async () => {
    const sdk = await newProject();
    const flow = {
      id: 'ignored',
      name: 'Custom',
      description: 'mine',
      dsl: { steps: [1, 2] },
      disabled: true,
    };
    const screens = [{ id: 'SC1', inputs: { email: 'x' }, interactions: {}, htmlTemplate: { a: 1 } }];
    const imported = await sdk.management.flow.import('custom', flow as never, screens as never);
    expect(imported.ok).toBe(true);
    const exported = await sdk.management.flow.export('custom');
    expect(exported.data).toEqual({
      flow: { ...flow, id: 'custom', etag: expect.any(String) },
      screens: [{ ...screens[0], flowId: 'custom' }],
    });
    const firstEtag = (exported.data as any).flow.etag;
    await sdk.management.flow.import('custom', flow as never);
    const again = (await sdk.management.flow.export('custom')).data as any;
    expect(again.flow.etag).not.toBe(firstEtag);
    expect(again.screens).toEqual([]);
    const listed = (await sdk.management.flow.list()).data as any;
    expect(listed.flows).toContainEqual({
      id: 'custom',
      name: 'Custom',
      description: 'mine',
      disabled: true,
    });

    expect((await sdk.management.flow.delete(['custom', 'sign-up', 'no-such-flow'])).ok).toBe(true);
    const after = (await sdk.management.flow.list()).data as any;
    expect(after.flows.map((f: { id: string }) => f.id)).toEqual([
      'sign-in',
      'sign-up-or-in',
      'step-up',
      'update-user',
    ]);
    expectRefused(await sdk.management.flow.export('custom'), 400, 'E011004');
  });

  it('refuses missing fields', async () => {
    const sdk = await newProject();
    expectRefused(await sdk.management.flow.export(''), 400, 'E011002');
    expectRefused(await sdk.management.flow.import('', {} as never), 400, 'E011002');
    expectRefused(await mock.http('POST', '/v1/mgmt/flow/import', { body: { flowId: 'x' } }), 400, 'E011002');
    expectRefused(await sdk.management.flow.delete([]), 400, 'E011002');
  });

  it('are per project', async () => {
    const one = await newProject();
    const two = await newProject();
    await one.management.flow.import('only-one', { name: 'Only one' } as never);
    expectRefused(await two.management.flow.export('only-one'), 400, 'E011004');
  });
});

describe('management.flow.run', () => {
  it('answers the input as the output, {} without one', async () => {
    const sdk = await newProject();
    const run = await sdk.management.flow.run('sign-up-or-in', { input: { a: 'b', n: 1 } });
    expect(run.ok).toBe(true);
    expect(run.data).toEqual({ a: 'b', n: 1 });
    const raw = await mock.http('POST', '/v1/mgmt/flow/run', { body: { flowId: 'sign-in' } });
    expect(raw.body).toEqual({ output: {} });
  });

  it('fails an unknown flow with "Failed getting flow"', async () => {
    const sdk = await newProject();
    const refused = expectRefused(await sdk.management.flow.run('no-such-flow'), 400, 'E011004');
    expect(refused.errorMessage).toContain('Failed getting flow');
  });
});

describe('management.theme.export / import', () => {
  it('answers the default theme, then the imported one', async () => {
    const sdk = await newProject();
    expect((await sdk.management.theme.export()).data).toEqual({ theme: { id: 'theme', cssTemplate: {} } });
    const theme = { id: 'theme', cssTemplate: { dark: { colors: { primary: '#000' } } } };
    const imported = await sdk.management.theme.import(theme as never);
    expect(imported.data).toEqual({ theme });
    expect((await sdk.management.theme.export()).data).toEqual({ theme });
    expectRefused(await mock.http('POST', '/v1/mgmt/theme/import', { body: {} }), 400, 'E011002');
  });
});

describe('flows and theme in fixtures', () => {
  it('seeds the flows and theme a fixture lists instead of the defaults', async () => {
    const sdk = await newProject({
      flows: [{ flow: { id: 'only', name: 'Only', dsl: {} } }],
      theme: { id: 'theme', cssTemplate: { x: 1 } },
    });
    const listed = (await sdk.management.flow.list()).data as any;
    expect(listed.flows.map((f: { id: string }) => f.id)).toEqual(['only']);
    expect((await sdk.management.theme.export()).data).toEqual({
      theme: { id: 'theme', cssTemplate: { x: 1 } },
    });
  });
});

describe('a canned output set through the control plane', () => {
  it('is what flow.run answers, until it is cleared; it goes in the snapshot', async () => {
    const created = await mock.control('POST', '/_mock/projects', {});
    const { projectId } = created.body as { projectId: string };
    const sdk = mock.sdk(created.body);
    const path = `/_mock/projects/${projectId}/flows/sign-in/output`;
    expect((await mock.control('PUT', path, { output: { token: 'abc' } })).status).toBe(200);
    expect((await sdk.management.flow.run('sign-in', { input: { a: 1 } })).data).toEqual({ token: 'abc' });
    expect(Object.keys((await sdk.management.flow.export('sign-in')).data as object)).toEqual([
      'flow',
      'screens',
    ]);
    const snapshot = await mock.control('GET', `/_mock/projects/${projectId}/snapshot`);
    expect(snapshot.body.flows).toContainEqual(expect.objectContaining({ output: { token: 'abc' } }));
    expect((await mock.control('PUT', path, {})).status).toBe(200);
    expect((await sdk.management.flow.run('sign-in', { input: { a: 1 } })).data).toEqual({ a: 1 });
    const unknown = await mock.control('PUT', `/_mock/projects/${projectId}/flows/nope/output`, {});
    expect(unknown.status).toBe(400);
  });
});

describe('flows, theme and tags go with their project', () => {
  it('a project made again under the same ID has the defaults, not what the deleted one held', async () => {
    const { projectId, sdk } = await seededProject(mock, {});
    await sdk.management.flow.import('custom', { name: 'Custom' } as never);
    await sdk.management.theme.import({ id: 'theme', cssTemplate: { dark: true } } as never);
    await sdk.management.project.updateTags(['gone']);
    await sdk.management.project.import({ 'connectors/x.json': { id: 'x' } });
    await expectGoneWithProject(
      mock,
      projectId,
      async (again) => ({
        flows: ((await again.management.flow.list()).data as any).total,
        theme: (await again.management.theme.export()).data,
        files: Object.keys((await again.management.project.export()).data!).filter((path) =>
          path.startsWith('connectors/'),
        ),
        tags: (await again.management.project.listProjects()).data!.find(
          (project) => project.id === projectId,
        )?.tags,
      }),
      { flows: 5, theme: { theme: { id: 'theme', cssTemplate: {} } }, files: [], tags: [] },
    );
  });
});
