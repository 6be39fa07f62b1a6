import type { Recipe, RecipeContext } from '../recipe.js';
import { must } from '../recipe.js';

/** A fresh user with an email, for a recipe that changes or removes one. */
export async function freshUser({ sdk, unique }: RecipeContext, options: { test?: boolean } = {}) {
  const loginId = `${unique('user')}@example.com`;
  const create = options.test ? sdk.management.user.createTestUser : sdk.management.user.create;
  const created = must(await create(loginId, { email: loginId }), 'user.create');
  return { loginId, userId: (created.data as { userId: string }).userId };
}

/** Users of coverage.json with the credentials a recipe reads or removes (only fixtures make them). */
const WITH_CREDENTIALS = 'keys1@example.com';
const WITH_PASSKEY = 'keys2@example.com';

const importFile = (loginId: string) =>
  Buffer.from(JSON.stringify([{ loginId, displayName: 'Imported' }])).toString('base64');

export const userRecipes: Record<string, Recipe> = {
  'management.user.create': ({ sdk, unique }) => sdk.management.user.create(`${unique('u')}@example.com`),
  'management.user.createTestUser': ({ sdk, unique }) =>
    sdk.management.user.createTestUser(`${unique('t')}@example.com`),
  'management.user.invite': ({ sdk, unique }) => {
    const loginId = `${unique('i')}@example.com`;
    return sdk.management.user.invite(loginId, { email: loginId, inviteUrl: 'https://app.example.com' });
  },
  'management.user.inviteBatch': ({ sdk, unique }) => {
    const loginId = `${unique('ib')}@example.com`;
    return sdk.management.user.inviteBatch([{ loginId, email: loginId }], 'https://app.example.com');
  },
  'management.user.createBatch': ({ sdk, unique }) =>
    sdk.management.user.createBatch([{ loginId: `${unique('b')}@example.com` }]),
  'management.user.deleteBatch': async (context) =>
    context.sdk.management.user.deleteBatch([(await freshUser(context)).userId]),
  'management.user.update': async (context) =>
    context.sdk.management.user.update((await freshUser(context)).loginId, { displayName: 'Updated' }),
  'management.user.patch': async (context) =>
    context.sdk.management.user.patch((await freshUser(context)).loginId, { displayName: 'Patched' }),
  'management.user.patchBatch': async (context) =>
    context.sdk.management.user.patchBatch([
      { loginId: (await freshUser(context)).loginId, displayName: 'Patched' },
    ]),
  'management.user.delete': async (context) =>
    context.sdk.management.user.delete((await freshUser(context)).loginId),
  'management.user.deleteByUserId': async (context) =>
    context.sdk.management.user.deleteByUserId((await freshUser(context)).userId),
  'management.user.deleteAllTestUsers': async (context) => {
    await freshUser(context, { test: true });
    return context.sdk.management.user.deleteAllTestUsers();
  },
  'management.user.load': ({ sdk }) => sdk.management.user.load('ada@example.com'),
  'management.user.loadByUserId': ({ sdk }) =>
    sdk.management.user.loadByUserId('U2Ada0000000000000000000000'),
  'management.user.logoutUser': ({ sdk }) => sdk.management.user.logoutUser('grace@example.com'),
  'management.user.logoutUserByUserId': ({ sdk }) =>
    sdk.management.user.logoutUserByUserId('U2Grace00000000000000000000'),
  'management.user.loadUsers': ({ sdk }) => sdk.management.user.loadUsers(['U2Ada0000000000000000000000']),
  'management.user.searchAll': ({ sdk }) => sdk.management.user.searchAll(['T2Acme']),
  'management.user.searchTestUsers': ({ sdk }) => sdk.management.user.searchTestUsers({ limit: 10 }),
  'management.user.search': ({ sdk }) => sdk.management.user.search({ text: 'ada', limit: 10 }),
  'management.user.getProviderToken': ({ sdk }) =>
    sdk.management.user.getProviderToken(WITH_CREDENTIALS, 'google'),
  'management.user.activate': async (context) =>
    context.sdk.management.user.activate((await freshUser(context)).loginId),
  'management.user.deactivate': async (context) =>
    context.sdk.management.user.deactivate((await freshUser(context)).loginId),
  'management.user.updateLoginId': async (context) =>
    context.sdk.management.user.updateLoginId(
      (await freshUser(context)).loginId,
      `${context.unique('renamed')}@example.com`,
    ),
  'management.user.updateEmail': async (context) =>
    context.sdk.management.user.updateEmail(
      (await freshUser(context)).loginId,
      `${context.unique('mail')}@example.com`,
      true,
    ),
  'management.user.updatePhone': async (context) =>
    context.sdk.management.user.updatePhone((await freshUser(context)).loginId, '+15555550199', true),
  'management.user.updateDisplayName': async (context) =>
    context.sdk.management.user.updateDisplayName((await freshUser(context)).loginId, 'New Name'),
  'management.user.updatePicture': async (context) =>
    context.sdk.management.user.updatePicture(
      (await freshUser(context)).loginId,
      'https://example.com/a.png',
    ),
  'management.user.updateCustomAttribute': async (context) =>
    context.sdk.management.user.updateCustomAttribute((await freshUser(context)).loginId, 'nickname', 'Ace'),
  'management.user.setRoles': async (context) =>
    context.sdk.management.user.setRoles((await freshUser(context)).loginId, ['Viewer']),
  'management.user.addRoles': async (context) =>
    context.sdk.management.user.addRoles((await freshUser(context)).loginId, ['Viewer']),
  'management.user.removeRoles': async (context) =>
    context.sdk.management.user.removeRoles((await freshUser(context)).loginId, ['Viewer']),
  'management.user.addTenant': async (context) =>
    context.sdk.management.user.addTenant((await freshUser(context)).loginId, 'T2Globex'),
  'management.user.removeTenant': async (context) =>
    context.sdk.management.user.removeTenant((await freshUser(context)).loginId, 'T2Globex'),
  'management.user.setTenantRoles': async (context) => {
    const { loginId } = await freshUser(context);
    must(await context.sdk.management.user.addTenant(loginId, 'T2Acme'), 'user.addTenant');
    return context.sdk.management.user.setTenantRoles(loginId, 'T2Acme', ['Approver']);
  },
  'management.user.addTenantRoles': async (context) =>
    context.sdk.management.user.addTenantRoles((await freshUser(context)).loginId, 'T2Acme', ['Approver']),
  'management.user.removeTenantRoles': async (context) => {
    const { loginId } = await freshUser(context);
    must(await context.sdk.management.user.addTenant(loginId, 'T2Acme'), 'user.addTenant');
    return context.sdk.management.user.removeTenantRoles(loginId, 'T2Acme', ['Approver']);
  },
  'management.user.addSSOapps': async (context) =>
    context.sdk.management.user.addSSOapps((await freshUser(context)).loginId, ['descope-default-oidc']),
  'management.user.setSSOapps': async (context) =>
    context.sdk.management.user.setSSOapps((await freshUser(context)).loginId, ['descope-default-oidc']),
  'management.user.removeSSOapps': async (context) =>
    context.sdk.management.user.removeSSOapps((await freshUser(context)).loginId, ['descope-default-oidc']),
  'management.user.generateOTPForTestUser': async (context) =>
    context.sdk.management.user.generateOTPForTestUser(
      'email',
      (await freshUser(context, { test: true })).loginId,
    ),
  'management.user.generateMagicLinkForTestUser': async (context) =>
    context.sdk.management.user.generateMagicLinkForTestUser(
      'email',
      (await freshUser(context, { test: true })).loginId,
      'https://app.example.com/verify',
    ),
  'management.user.generateEnchantedLinkForTestUser': async (context) =>
    context.sdk.management.user.generateEnchantedLinkForTestUser(
      (await freshUser(context, { test: true })).loginId,
      'https://app.example.com/verify',
    ),
  'management.user.generateEmbeddedLink': ({ sdk }) =>
    sdk.management.user.generateEmbeddedLink('grace@example.com'),
  'management.user.generateSignUpEmbeddedLink': ({ sdk, unique }) =>
    sdk.management.user.generateSignUpEmbeddedLink(`${unique('su')}@example.com`),
  'management.user.setTemporaryPassword': async (context) =>
    context.sdk.management.user.setTemporaryPassword((await freshUser(context)).loginId, 'Temp-Pass-123!'),
  'management.user.setActivePassword': async (context) =>
    context.sdk.management.user.setActivePassword((await freshUser(context)).loginId, 'Active-Pass-123!'),
  'management.user.setPassword': async (context) =>
    context.sdk.management.user.setPassword((await freshUser(context)).loginId, 'Some-Pass-123!'),
  'management.user.expirePassword': async (context) => {
    const { loginId } = await freshUser(context);
    must(
      await context.sdk.management.user.setActivePassword(loginId, 'Active-Pass-123!'),
      'setActivePassword',
    );
    return context.sdk.management.user.expirePassword(loginId);
  },
  'management.user.removeAllPasskeys': ({ sdk }) => sdk.management.user.removeAllPasskeys(WITH_PASSKEY),
  'management.user.removeTOTPSeed': async (context) =>
    context.sdk.management.user.removeTOTPSeed((await freshUser(context)).loginId),
  'management.user.history': ({ sdk }) => sdk.management.user.history(['U2Ada0000000000000000000000']),
  'management.user.import': ({ sdk, unique }) =>
    sdk.management.user.import('custom', importFile(`${unique('imp')}@example.com`)),
  'management.user.updateRecoveryEmail': async (context) =>
    context.sdk.management.user.updateRecoveryEmail((await freshUser(context)).loginId, 'backup@example.com'),
  'management.user.updateRecoveryPhone': async (context) =>
    context.sdk.management.user.updateRecoveryPhone((await freshUser(context)).loginId, '+15555550123'),
  'management.user.updateUserNames': async (context) =>
    context.sdk.management.user.updateUserNames((await freshUser(context)).loginId, 'Given', '', 'Family'),
  'management.user.getCustomAttributes': ({ sdk }) => sdk.management.user.getCustomAttributes(),
  'management.user.createCustomAttributes': ({ sdk, unique }) =>
    sdk.management.user.createCustomAttributes([{ name: unique('attr'), type: 1, displayName: 'Attr' }]),
  'management.user.deleteCustomAttributes': async ({ sdk, unique }) => {
    const name = unique('gone');
    must(await sdk.management.user.createCustomAttributes([{ name, type: 1, displayName: 'Gone' }]), 'attr');
    return sdk.management.user.deleteCustomAttributes([name]);
  },
  'management.user.removePasskey': ({ sdk }) => sdk.management.user.removePasskey(WITH_CREDENTIALS, 'cred-1'),
  'management.user.listPasskeys': ({ sdk }) => sdk.management.user.listPasskeys(WITH_CREDENTIALS),
  'management.user.listTrustedDevices': ({ sdk }) =>
    sdk.management.user.listTrustedDevices([WITH_CREDENTIALS]),
  'management.user.removeTrustedDevices': ({ sdk }) =>
    sdk.management.user.removeTrustedDevices(WITH_CREDENTIALS, ['dev-1']),
};
