import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { mint } from '../../helpers/session.js';
import { passwordProject } from '../password/passwordProject.js';

/**
 * Passkeys (descope-auth-api.md §6.7) are not emulated: every WebAuthn call of the SDKs answers 501 with a
 * message that says how to test a passkey user instead, and that way works.
 */
const mock = useMock({ fixtures: 'none' });
const ORIGIN = 'http://localhost:3000';

describe('webauthn', () => {
  it('answers each SDK call 501 E000501, naming passkeys/import and the session minter', async () => {
    const { sdk } = await passwordProject(mock);
    const { webauthn } = sdk;
    const calls = [
      webauthn.signUp.start('pat@example.com', ORIGIN, 'Pat'),
      webauthn.signUp.finish('tx', '{}'),
      webauthn.signIn.start('pat@example.com', ORIGIN),
      webauthn.signIn.finish('tx', '{}'),
      webauthn.signUpOrIn.start('pat@example.com', ORIGIN),
      webauthn.update.start('pat@example.com', ORIGIN, 'a-refresh-token'),
      webauthn.update.finish('tx', '{}'),
    ];
    for (const answer of await Promise.all(calls)) {
      const body = expectRefused(answer, 501, 'E000501');
      expect(body.errorMessage).toContain('passkeys (WebAuthn) are not emulated');
      expect(body.errorMessage).toContain('POST /v1/mgmt/user/passkeys/import');
      expect(body.errorMessage).toContain('/_mock/projects/{projectId}/sessions');
    }
  });

  it('leaves the other paths with the plain message', async () => {
    const { auth } = await passwordProject(mock);
    const answer = await mock.http('POST', '/v1/auth/notp/whatsapp/signin', { auth, body: {} });
    expect(expectRefused(answer, 501, 'E000501').errorMessage).toBe(
      'POST /v1/auth/notp/whatsapp/signin is not emulated by descope-mock',
    );
  });

  it('the way the message names: import a passkey, mint the session a passkey sign-in gives', async () => {
    const { projectId, managementKey, sdk, admin } = await passwordProject(mock);
    const imported = await mock.http('POST', '/v1/mgmt/user/passkeys/import', {
      auth: `Bearer ${projectId}:${managementKey}`,
      body: {
        loginId: 'pat@example.com',
        devices: [{ descope: { credentialId: 'cred-1', rpId: 'localhost' } }],
      },
    });
    expect(imported.status).toBe(200);
    expect((await admin.management.user.load('pat@example.com')).data).toMatchObject({ webauthn: true });
    const minted = await mint(mock, projectId, { loginId: 'pat@example.com', amr: ['webauthn'] });
    expect(minted.status).toBe(201);
    const session = await sdk.validateSession(minted.body.sessionJwt);
    expect(session.token.amr).toEqual(['webauthn']);
  });
});
