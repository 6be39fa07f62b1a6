import { TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/mock.js';
import { PASSWORD, PASSWORD_FIXTURE, passwordProject } from '../password/passwordProject.js';

/**
 * TOTP through the official Node SDK (descope-auth-api.md §6.5): the codes are computed with the `otpauth`
 * package from the key the mock answered, at the server's clock (real time here: the mock's is not pinned).
 */
const mock = useMock({ fixtures: 'none' });

const codeOf = (key: string) => new TOTP({ secret: key }).generate();

describe('totp.signUp and totp.verify', () => {
  it('answers a key, its otpauth URL and a PNG QR code; the current code signs in (amr totp)', async () => {
    const { sdk, admin, projectId } = await passwordProject(mock);
    const up = await sdk.totp.signUp('tess@example.com', { name: 'Tess' });
    expect(up.ok).toBe(true);
    const { key, provisioningURL, image } = up.data as {
      key: string;
      provisioningURL: string;
      image: string;
    };
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    const parsed = URI.parse(provisioningURL) as TOTP;
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.secret.base32).toBe(key);
    expect(parsed).toMatchObject({ issuer: 'Sessions', label: 'tess@example.com', digits: 6, period: 30 });
    expect(provisioningURL).toMatch(/^otpauth:\/\/totp\/Sessions:tess%40example\.com\?secret=/);
    expect(Buffer.from(image, 'base64').subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    // No session before a code verifies; the user exists, TOTP not yet confirmed.
    expect((await admin.management.user.load('tess@example.com')).data).toMatchObject({
      name: 'Tess',
      TOTP: false,
    });

    const verified = await sdk.totp.verify('tess@example.com', codeOf(key));
    expect(verified.ok).toBe(true);
    expect(verified.data).toMatchObject({ firstSeen: true, user: { status: 'enabled', TOTP: true } });
    const session = await sdk.validateSession(verified.data?.sessionJwt as string);
    expect(session.token).toMatchObject({ iss: projectId, amr: ['totp'], sub: verified.data?.user?.userId });
    expect((await admin.management.user.load('tess@example.com')).data?.TOTP).toBe(true);
  });

  it('verifies a seed given by management create/batch, and none once management removes it', async () => {
    const { sdk, admin } = await passwordProject(mock);
    const seed = 'JBSWY3DPEHPK3PXP';
    const created = await admin.management.user.createBatch([
      { loginId: 'seeded@example.com', seed } as never,
    ]);
    expect(created.data?.createdUsers?.[0]).toMatchObject({ TOTP: true });
    const verified = await sdk.totp.verify('seeded@example.com', codeOf(seed));
    expect(verified.ok).toBe(true);
    await sdk.validateSession(verified.data?.sessionJwt as string);

    expect((await admin.management.user.removeTOTPSeed('seeded@example.com')).ok).toBe(true);
    const refused = await sdk.totp.verify('seeded@example.com', codeOf(seed));
    expect(refused).toMatchObject({ ok: false, code: 400, error: { errorCode: 'E011004' } });
  });

  it("verifies a fixture's totpSeed, which a snapshot keeps", async () => {
    const seed = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ';
    const { sdk, projectId } = await passwordProject(mock, {
      ...PASSWORD_FIXTURE,
      users: [{ loginId: 'fix@example.com', totpSeed: seed }],
    });
    const verified = await sdk.totp.verify('fix@example.com', codeOf(seed));
    expect(verified.ok).toBe(true);
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    expect(snapshot.users[0]).toMatchObject({ loginId: 'fix@example.com', totpSeed: seed, TOTP: true });
  });
});

describe('totp.update and MFA', () => {
  it("gives the refresh token's user a new seed: the new key's code verifies", async () => {
    const { sdk } = await passwordProject(mock);
    const first = await sdk.password.signIn('pat@example.com', PASSWORD);
    const updated = await sdk.totp.update('pat@example.com', first.data?.refreshJwt);
    expect(updated.ok).toBe(true);
    const { key } = updated.data as { key: string };
    expect(URI.parse(updated.data?.provisioningURL as string).label).toBe('pat@example.com');
    const verified = await sdk.totp.verify('pat@example.com', codeOf(key));
    expect(verified.ok).toBe(true);
    expect(verified.data?.firstSeen).toBe(false);
    await sdk.validateSession(verified.data?.sessionJwt as string);
  });

  it('a TOTP MFA step on a password session: amr pwd, totp, mfa', async () => {
    const { sdk } = await passwordProject(mock);
    const first = await sdk.password.signIn('pat@example.com', PASSWORD);
    const refreshJwt = first.data?.refreshJwt as string;
    const { key } = (await sdk.totp.update('pat@example.com', refreshJwt)).data as { key: string };
    const mfa = await sdk.totp.verify('pat@example.com', codeOf(key), { mfa: true }, refreshJwt);
    expect(mfa.ok).toBe(true);
    const session = await sdk.validateSession(mfa.data?.sessionJwt as string);
    expect(session.token.amr).toEqual(['pwd', 'totp', 'mfa']);
    const stepped = await sdk.totp.verify('pat@example.com', codeOf(key), { stepup: true }, refreshJwt);
    expect((await sdk.validateSession(stepped.data?.sessionJwt as string)).token).toMatchObject({ su: true });
  });
});
