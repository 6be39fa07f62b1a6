import { describe, expect, it } from 'vitest';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();

const lastMessage = () => mock.app.services.store.outbox.list(TEST_PROJECT.projectId).at(-1);

describe('POST /v1/mgmt/user/signup/embeddedlink as other SDKs send it', () => {
  it("reads the Python SDK's body: nulls at any depth are unset, proto (snake_case) names are kept", async () => {
    // descope/python-sdk generate_sign_up_embedded_link: `user.__dict__` of a CreateUserObj and
    // `login_options.__dict__` of a LoginOptions, every unset attribute sent as null.
    const result = await mock.http('POST', '/v1/mgmt/user/signup/embeddedlink', {
      body: {
        loginId: 'py@example.com',
        user: {
          email: null,
          phone: null,
          name: 'Py Thon',
          given_name: 'Py',
          middle_name: null,
          family_name: 'Thon',
        },
        loginOptions: { stepup: false, customClaims: null, mfa: false },
        emailVerified: false,
        phoneVerified: false,
        timeout: 0,
      },
    });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ token: expect.any(String), maskedEmail: '', maskedPhone: '' });
    expect(lastMessage()?.payload).toEqual({
      signUp: true,
      user: { name: 'Py Thon', givenName: 'Py', familyName: 'Thon' },
      emailVerified: false,
      phoneVerified: false,
      loginOptions: { stepup: false, mfa: false },
    });
  });

  it("keeps the spec's user.loginId, recoveryEmail and recoveryPhone (Node SDK)", async () => {
    // Not in the Node SDK's type for `user`, which it sends as given.
    const user = {
      loginId: 'alias-login',
      email: 'rec@example.com',
      recoveryEmail: 'backup@example.com',
      recoveryPhone: '+15555550142',
    };
    const result = await sdk.management.user.generateSignUpEmbeddedLink('rec@example.com', user);
    expect(result.ok).toBe(true);
    expect(lastMessage()).toMatchObject({ loginId: 'rec@example.com', payload: { user } });
  });

  it('takes user.loginId as the login ID when the request names none', async () => {
    const result = await mock.http('POST', '/v1/mgmt/user/signup/embeddedlink', {
      body: { user: { loginId: 'only.in.user@example.com', name: 'Only' } },
    });
    expect(result.status).toBe(200);
    expect(lastMessage()).toMatchObject({
      loginId: 'only.in.user@example.com',
      userId: '',
      payload: { user: { loginId: 'only.in.user@example.com', name: 'Only' } },
    });
  });
});
