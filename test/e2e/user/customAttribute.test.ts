import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { expectUser, loaded } from '../../helpers/user.js';

/**
 * update/customAttribute (descope-api.md 4.9): the key must be declared in the project and the value must fit
 * its type. test/fixtures/basic.json declares one attribute of each of the six console types.
 */

const mock = useMock();
const sdk = mock.sdk();
let userId: string;

beforeAll(async () => {
  const created = await sdk.management.user.create('attrs@example.com', {
    customAttributes: { nickname: 'Kit' },
  });
  userId = created.data?.userId ?? '';
});

const attributes = async () => ((await loaded(sdk, userId)) as { customAttributes: object }).customAttributes;

describe('management.user.updateCustomAttribute', () => {
  it.each([
    ['text', 'nickname', 'Kitty'],
    ['numeric', 'seats', 12.5],
    ['boolean', 'beta', false],
    ['singleSelect', 'plan', 'free'],
    ['multiSelect', 'teams', ['red', 'blue']],
    ['date', 'renewal', 1767225600000],
  ])('sets a %s attribute, keeping the others', async (_, key, value) => {
    const before = await loaded(sdk, userId);
    const result = await sdk.management.user.updateCustomAttribute('attrs@example.com', key, value);
    expect(result.code).toBe(200);
    const expected = {
      ...(before as object),
      customAttributes: { ...(before as { customAttributes: object }).customAttributes, [key]: value },
    };
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, userId), expected);
  });

  it.each([
    ['text', 'nickname', 5],
    ['numeric', 'seats', '12'],
    ['boolean', 'beta', 'true'],
    ['singleSelect', 'plan', 'enterprise'],
    ['singleSelect given a list', 'plan', ['free']],
    ['multiSelect', 'teams', ['red', 'green']],
    ['multiSelect given a string', 'teams', 'red'],
    ['date', 'renewal', 'tomorrow'],
  ])('refuses a %s value that does not fit with 400 E011004, changing nothing', async (_, key, value) => {
    const before = await attributes();
    const result = await sdk.management.user.updateCustomAttribute(userId, key, value as never);
    expectRefused(result, 400, 'E011004');
    expect(await attributes()).toEqual(before);
  });

  it('refuses an undeclared attribute (E011004) and a missing key (E011002)', async () => {
    const before = await attributes();
    const undeclared = await sdk.management.user.updateCustomAttribute(userId, 'shoeSize', 42);
    expectRefused(undeclared, 400, 'E011004');
    const raw = await mock.http('POST', '/v1/mgmt/user/update/customAttribute', {
      body: { loginId: userId, attributeValue: 'x' },
    });
    expectRefused(raw, 400, 'E011002');
    expect(await attributes()).toEqual(before);
  });

  it('removes the attribute when the value is null', async () => {
    await sdk.management.user.updateCustomAttribute(userId, 'beta', true);
    const result = await sdk.management.user.updateCustomAttribute(userId, 'beta', null);
    expect(result.code).toBe(200);
    expect(result.data?.customAttributes).not.toHaveProperty('beta');
    expect(await attributes()).not.toHaveProperty('beta');
    expect(await attributes()).toHaveProperty('nickname');
  });

  it("does not see another project's declarations", async () => {
    const { OTHER_PROJECT } = await import('../../helpers/mock.js');
    const other = mock.sdk(OTHER_PROJECT);
    const result = await other.management.user.updateCustomAttribute('other@example.com', 'seats', 3);
    expectRefused(result, 400, 'E011004');
    expect(await loaded(other, 'other@example.com')).toMatchObject({ customAttributes: {} });
  });
});
