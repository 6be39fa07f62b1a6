import type { Recipe } from '../recipe.js';
import { must } from '../recipe.js';

/** Token minting (`management.jwt.*`): each call signs with the project's key. */
export const jwtRecipes: Record<string, Recipe> = {
  'management.jwt.update': async ({ sdk }) => {
    const signedIn = must(await sdk.management.jwt.signIn('grace@example.com'), 'jwt.signIn');
    return sdk.management.jwt.update((signedIn.data as { sessionJwt: string }).sessionJwt, { tier: 1 });
  },
  'management.jwt.impersonate': ({ sdk }) =>
    sdk.management.jwt.impersonate('U2Ada0000000000000000000000', 'grace@example.com', false),
  'management.jwt.impersonateStepup': ({ sdk }) =>
    sdk.management.jwt.impersonateStepup('U2Ada0000000000000000000000', 'grace@example.com', false),
  'management.jwt.stopImpersonation': async ({ sdk }) => {
    const impersonated = must(
      await sdk.management.jwt.impersonate('U2Ada0000000000000000000000', 'grace@example.com', false),
      'jwt.impersonate',
    );
    return sdk.management.jwt.stopImpersonation((impersonated.data as { jwt: string }).jwt);
  },
  'management.jwt.signIn': ({ sdk }) => sdk.management.jwt.signIn('grace@example.com'),
  'management.jwt.signUp': ({ sdk, unique }) => sdk.management.jwt.signUp(`${unique('jwt')}@example.com`),
  'management.jwt.signUpOrIn': ({ sdk, unique }) =>
    sdk.management.jwt.signUpOrIn(`${unique('jwt')}@example.com`),
  'management.jwt.anonymous': ({ sdk }) => sdk.management.jwt.anonymous({ guest: true }),
  'management.jwt.generateClientAssertionJwt': ({ sdk }) =>
    sdk.management.jwt.generateClientAssertionJwt(
      'client-1',
      'client-1',
      ['https://idp.example.com/token'],
      300,
    ),
};
