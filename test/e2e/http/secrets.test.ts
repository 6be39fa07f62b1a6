import { describe, expect, it } from 'vitest';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';

const lines: string[] = [];
// Debug logs one line per request (with its URL), written where the test can read it.
const mock = useMock({ logLevel: 'debug' }, { logStream: { write: (line: string) => lines.push(line) } });
const sdk = mock.sdk();

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const BCRYPT = '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy';

describe('secrets a caller sends or receives', () => {
  it('never appear in the debug log or the request journal', async () => {
    const secrets: string[] = [TEST_PROJECT.managementKey];

    // A password in a query string (no Descope call takes one; a client may still send it).
    secrets.push('Query-Passw0rd!');
    await mock.http(
      'GET',
      `/v1/mgmt/user?loginId=ada%40example.com&password=${encodeURIComponent('Query-Passw0rd!')}`,
    );

    secrets.push('Active-Passw0rd!');
    expect((await sdk.management.user.setActivePassword('ada@example.com', 'Active-Passw0rd!')).ok).toBe(
      true,
    );

    // create/batch: a cleartext password, a hash and a TOTP seed.
    secrets.push('Batch-Passw0rd!', BCRYPT, 'JBSWY3DPEHPK3PXP');
    const batch = await sdk.management.user.createBatch([
      { loginId: 'batch-1@example.com', password: 'Batch-Passw0rd!', seed: 'JBSWY3DPEHPK3PXP' },
      { loginId: 'batch-2@example.com', hashedPassword: { bcrypt: { hash: BCRYPT } } },
    ]);
    expect(batch.data?.createdUsers).toHaveLength(2);

    // user/import: files of cleartext passwords, seeds and hashes (base64).
    const users = base64([
      { loginId: 'imp-1@example.com', password: 'Import-Passw0rd!', seed: 'KRUGS4ZANFZSA5DI' },
      { loginId: 'imp-2@example.com' },
    ]);
    const hashes = base64({ 'imp-2@example.com': { bcrypt: { hash: `${BCRYPT.slice(0, -4)}abcd` } } });
    secrets.push('Import-Passw0rd!', 'KRUGS4ZANFZSA5DI', `${BCRYPT.slice(0, -4)}abcd`, users, hashes);
    const imported = await sdk.management.user.import('mock', users, hashes);
    expect(imported.data?.users).toHaveLength(2);

    // Codes, links and tokens the mock answers.
    await sdk.management.user.createTestUser('tester@example.com');
    const otp = await sdk.management.user.generateOTPForTestUser('email', 'tester@example.com');
    const magic = await sdk.management.user.generateMagicLinkForTestUser(
      'email',
      'tester@example.com',
      'https://app.example.com/verify',
    );
    const enchanted = await sdk.management.user.generateEnchantedLinkForTestUser(
      'tester@example.com',
      'https://app.example.com/verify',
    );
    const embedded = await sdk.management.user.generateEmbeddedLink('ada@example.com');
    const key = await sdk.management.accessKey.create('Secret key', 0);
    const issued = [
      `"${otp.data?.code}"`,
      magic.data?.link,
      new URL(magic.data?.link ?? '').searchParams.get('t'),
      enchanted.data?.link,
      new URL(enchanted.data?.link ?? '').searchParams.get('t'),
      embedded.data?.token,
      key.data?.cleartext,
    ];
    for (const secret of issued) {
      expect(secret).toEqual(expect.any(String));
      secrets.push(secret as string);
    }

    // Both records really hold the calls above (so the checks below read real output)…
    const journal = JSON.stringify((await mock.control('GET', '/_mock/requests')).body);
    expect(journal).toContain('/v1/mgmt/user/import');
    expect(journal).toContain('"seed":"***"');
    const log = lines.join('');
    expect(log).toContain('password=***');
    expect(log).toContain('/v1/mgmt/accesskey/create');
    // …and neither holds any secret.
    for (const secret of secrets) {
      expect(log, secret).not.toContain(secret);
      expect(journal, secret).not.toContain(secret);
    }
  });
});
