import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/harness/faults.js';
import {
  expectDescopeError,
  expectRefused,
  OTHER_PROJECT,
  TEST_PROJECT,
  useMock,
} from '../../helpers/mock.js';

const mock = useMock();
afterEach(async () => {
  await mock.control('DELETE', '/_mock/faults');
});

const addFault = async (fault: Record<string, unknown>): Promise<string> => {
  const added = await mock.control('POST', '/_mock/faults', fault);
  expect(added.status).toBe(201);
  return added.body.id;
};
const loadAda = () => mock.http('GET', '/v1/mgmt/user?loginId=ada%40example.com');

describe('POST /_mock/faults', () => {
  it('a 429 makes the official SDK answer ok:false, code 429 and the retryAfter that was set', async () => {
    await addFault({ path: '/v1/mgmt/user', status: 429, retryAfter: 7 });
    const result = await mock.sdk().management.user.load('ada@example.com');
    expect(result.ok).toBe(false);
    expect(result.code).toBe(429);
    expect(result.error).toMatchObject({ errorCode: 'E130429', retryAfter: 7 });
  });

  it('gives a 429 code E130429 and Retry-After: 60 by default, and leaves the state untouched', async () => {
    await addFault({ method: 'POST', path: '/v1/mgmt/user/update/name', status: 429 });
    const refused = await mock.http('POST', '/v1/mgmt/user/update/name', {
      body: { loginId: 'ada@example.com', displayName: 'Never' },
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expectDescopeError(refused.body, 'E130429');
    expect((await loadAda()).body.user.name).toBe('Ada Lovelace');
  });

  it('answers the error code and message given', async () => {
    await addFault({ path: '/v1/mgmt/user', status: 400, errorCode: 'E011004', errorMessage: 'Simulated' });
    const refused = await loadAda();
    expect(expectRefused(refused, 400, 'E011004').errorMessage).toBe('Simulated');
  });

  it('a delayMs fault slows the call, and the journal shows it in the duration', async () => {
    await addFault({ path: '/v1/mgmt/user', delayMs: 150, times: 1 });
    await mock.control('DELETE', '/_mock/requests');
    const loaded = await loadAda();
    expect(loaded.status).toBe(200);
    const { body } = await mock.control('GET', '/_mock/requests?path=/v1/mgmt/user');
    expect(body.requests).toHaveLength(1);
    expect(body.requests[0].durationMs).toBeGreaterThanOrEqual(150);
  });

  it('a delayMs fault with a status answers that status once the delay has run, body read or not', async () => {
    await addFault({ path: '/v1/mgmt/user*', delayMs: 50, status: 500, times: 2 });
    expectRefused(await loadAda(), 500, 'E000500');
    const update = { body: { loginId: 'ada@example.com', displayName: 'Never' } };
    expectRefused(await mock.http('POST', '/v1/mgmt/user/update/name', update), 500, 'E000500');
    expect((await loadAda()).body.user.name).toBe('Ada Lovelace');
  });

  it('expires after `times` hits', async () => {
    const id = await addFault({ path: '/v1/mgmt/user', status: 500, times: 2 });
    expect((await mock.control('GET', '/_mock/faults')).body.faults).toEqual([
      expect.objectContaining({ id, status: 500, times: 2, remaining: 2, hits: 0 }),
    ]);
    expect((await loadAda()).status).toBe(500);
    expect((await mock.control('GET', '/_mock/faults')).body.faults[0]).toMatchObject({
      remaining: 1,
      hits: 1,
    });
    expect((await loadAda()).status).toBe(500);
    expect((await loadAda()).status).toBe(200);
    expect((await mock.control('GET', '/_mock/faults')).body.faults).toEqual([]);
  });

  it('matches on method, path pattern and project', async () => {
    await addFault({
      method: 'get',
      path: '/v1/mgmt/user*',
      projectId: OTHER_PROJECT.projectId,
      status: 500,
    });
    expect((await loadAda()).status).toBe(200);
    const other = mock.sdk(OTHER_PROJECT).management.user;
    expect((await other.load('other@example.com')).code).toBe(500);
    expect((await other.updateDisplayName('other@example.com', 'Still works')).ok).toBe(true);
  });

  it('hits the same requests on every run with the same seed and probability', async () => {
    const pattern = async () => {
      const id = await addFault({ path: '/v1/mgmt/user', status: 500, probability: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await loadAda()).status);
      await mock.control('DELETE', `/_mock/faults/${id}`);
      return statuses;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    const random = mulberry32(42);
    expect(first).toEqual(first.map(() => (random() < 0.5 ? 500 : 200)));
    expect(first).toContain(200);
    expect(first).toContain(500);
  });

  it('never lets a wildcard use up its hits on the SDK license handshake', async () => {
    await addFault({ path: '*', status: 500, times: 1 });
    const license = await mock.http('GET', '/v1/mgmt/license');
    expect(license.status).toBe(200);
    expect((await loadAda()).status).toBe(500);
  });

  it('refuses 503 and 520-530, which the SDKs retry after 5 s, unless allowRetriedStatus is set', async () => {
    const refused = await mock.control('POST', '/_mock/faults', { status: 503 });
    expect(expectRefused(refused, 400, 'E011004').errorMessage).toContain('allowRetriedStatus');
    expect((await mock.control('GET', '/_mock/faults')).body.faults).toEqual([]);
    await addFault({ path: '/v1/mgmt/user', status: 503, allowRetriedStatus: true, times: 1 });
    expect((await loadAda()).status).toBe(503);
  });

  it('refuses a fault that does nothing, a misspelt key and a wrong type', async () => {
    for (const fault of [{ path: '/v1/mgmt/user' }, { status: 500, stauts: 1 }, { status: '500' }]) {
      const refused = await mock.control('POST', '/_mock/faults', fault);
      expect(refused.status).toBe(400);
      expect(['E011001', 'E011004']).toContain(refused.body.errorCode);
    }
    expect((await mock.control('GET', '/_mock/faults')).body.faults).toEqual([]);
  });

  it('never touches the control plane', async () => {
    await addFault({ path: '*', status: 500 });
    expect((await mock.control('GET', '/_mock/projects')).status).toBe(200);
    expect((await mock.sdk(TEST_PROJECT).management.user.load('ada@example.com')).code).toBe(500);
  });
});

describe('DELETE /_mock/faults and /_mock/faults/:id', () => {
  it('removes one fault, then all of them', async () => {
    const first = await addFault({ path: '/v1/mgmt/user', status: 500 });
    const second = await addFault({ path: '/v1/mgmt/tenant/all', status: 500 });
    expect(await mock.control('DELETE', `/_mock/faults/${first}`)).toMatchObject({ status: 200, body: {} });
    expect((await mock.control('GET', '/_mock/faults')).body.faults.map((f: { id: string }) => f.id)).toEqual(
      [second],
    );
    expect((await loadAda()).status).toBe(200);
    await mock.control('DELETE', '/_mock/faults');
    expect((await mock.control('GET', '/_mock/faults')).body.faults).toEqual([]);
  });

  /** Resolves once the fault has hit a request, which then waits out the delay. */
  const hitOnce = async (id: string) => {
    while (
      !(await mock.control('GET', '/_mock/faults')).body.faults.some((f: Fault) => f.id === id && f.hits)
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  type Fault = { id: string; hits: number };

  it.for([
    ['DELETE /_mock/faults', () => '/_mock/faults'],
    ['DELETE /_mock/faults/:id', (id: string) => `/_mock/faults/${id}`],
  ] as const)(
    '%s lets go a call waiting out a 60 s delay: it goes on without the fault',
    async ([, path]) => {
      const id = await addFault({ path: '/v1/mgmt/user/update/name', delayMs: 60_000, status: 500 });
      // A body too, read before the delay begins.
      const waiting = mock.http('POST', '/v1/mgmt/user/update/name', {
        body: { loginId: 'ada@example.com', displayName: 'Ada Released' },
      });
      await hitOnce(id);
      expect((await mock.control('DELETE', path(id))).status).toBe(200);
      // Without the release this waits 60 s, beyond the test's timeout.
      expect((await waiting).status).toBe(200);
      expect((await loadAda()).body.user.name).toBe('Ada Released');
    },
  );

  it('answers 404 for an unknown fault', async () => {
    const missing = await mock.control('DELETE', '/_mock/faults/F999');
    expectRefused(missing, 404, 'E000404');
  });
});
