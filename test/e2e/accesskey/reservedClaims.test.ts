import { describe, expect, it } from 'vitest';
import { expectDescopeError, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();

describe('access key custom claims the exchanged token sets itself', () => {
  it('refuses them on create (400 E011004 naming the claim) and stores no key', async () => {
    const before = (await sdk.management.accessKey.searchAll()).data?.length;
    for (const claim of ['sub', 'tenants', 'exp', 'drn']) {
      const created = await sdk.management.accessKey.create('bad', 0, [], [], undefined, { [claim]: 'x' });
      expect(created.ok, claim).toBe(false);
      expect(created.code, claim).toBe(400);
      expect(expectDescopeError(created.error, 'E011004').errorMessage).toContain(`"${claim}"`);
    }
    expect((await sdk.management.accessKey.searchAll()).data?.length).toBe(before);
  });

  it('refuses them on update and keeps the stored claims', async () => {
    const created = await sdk.management.accessKey.create('ok', 0, [], [], undefined, { team: 'ci' });
    const id = created.data?.key.id as string;
    const updated = await sdk.management.accessKey.update(id, 'ok', undefined, [], [], { iss: 'elsewhere' });
    expect(updated.code).toBe(400);
    expect(expectDescopeError(updated.error, 'E011004').errorMessage).toContain('"iss"');
    const loaded = (await sdk.management.accessKey.load(id)).data as { customClaims?: unknown } | undefined;
    expect(loaded?.customClaims).toEqual({ team: 'ci' });
  });
});
