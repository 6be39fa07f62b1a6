import { describe, expect, it } from 'vitest';
import { blankUser } from '../../../src/domain/user.js';
import { buildUser, checkStatus, withAttributes } from '../../../src/domain/userCreate.js';
import { plainCatalog, thrownCode } from './plainCatalog.js';

const catalog = plainCatalog();
const NOW = 1_767_225_600_123;

describe('buildUser', () => {
  it('makes a fresh user: status invited, createdTime in epoch seconds, every list and map empty', () => {
    const user = buildUser({ loginId: 'plain' }, catalog, NOW);
    expect(user).toEqual({ ...blankUser('plain', NOW), userId: user.userId });
    expect(user.userId).toMatch(/^U2[A-Za-z0-9]{26}$/);
    expect(user.createdTime).toBe(1_767_225_600);
    expect(user.status).toBe('invited');
  });

  it('fills the email from an email-shaped login ID, verified unless told otherwise (3.2)', () => {
    expect(buildUser({ loginId: 'ada@example.com' }, catalog, NOW)).toMatchObject({
      email: 'ada@example.com',
      verifiedEmail: true,
    });
    expect(buildUser({ loginId: 'ada@example.com', verifiedEmail: false }, catalog, NOW)).toMatchObject({
      email: 'ada@example.com',
      verifiedEmail: false,
    });
    // An explicit email wins, and is not added to the login IDs.
    expect(buildUser({ loginId: 'ada@example.com', email: 'other@example.com' }, catalog, NOW)).toMatchObject(
      {
        loginIds: ['ada@example.com'],
        email: 'other@example.com',
      },
    );
  });

  it('normalises phone login IDs and phones; a phone given without a flag is verified', () => {
    const user = buildUser(
      {
        loginId: '+1-555-555-1234',
        additionalLoginIds: ['+1 555 555 1234', 'Alt', 'alt', ''],
        phone: '+1 (555) 555-0000',
      },
      catalog,
      NOW,
    );
    expect(user.loginIds).toEqual(['+15555551234', 'Alt']);
    expect(user).toMatchObject({
      phone: '+15555550000',
      verifiedPhone: true,
      email: '',
      verifiedEmail: false,
    });
  });

  it('keeps the name and its parts independent', () => {
    const user = buildUser({ loginId: 'n', name: 'Display', givenName: 'G', familyName: 'F' }, catalog, NOW);
    expect(user).toMatchObject({ name: 'Display', givenName: 'G', middleName: '', familyName: 'F' });
    expect(buildUser({ loginId: 'm', givenName: 'G', familyName: 'F' }, catalog, NOW).name).toBe('');
  });

  it('checks roles, memberships, attributes and SSO apps against the catalog', () => {
    const user = buildUser(
      {
        loginId: 'r',
        roleNames: ['Viewer', 'Viewer'],
        userTenants: [
          { tenantId: 'T2Acme', roleNames: ['Approver'] },
          { tenantId: 'T2Acme', roleNames: ['Viewer'] },
        ],
        customAttributes: { seats: 1, beta: null },
        ssoAppIds: ['descope-default-oidc'],
      },
      catalog,
      NOW,
    );
    expect(user.roleNames).toEqual(['Viewer']);
    expect(user.userTenants).toEqual([{ tenantId: 'T2Acme', roleNames: ['Approver', 'Viewer'] }]);
    expect(user.customAttributes).toEqual({ seats: 1 });
    expect(user.ssoAppIds).toEqual(['descope-default-oidc']);
  });

  it.each([
    ['no login ID', { loginId: '' }, 'E011002'],
    ['a blank login ID', { loginId: '   ' }, 'E011002'],
    ['an unknown role', { loginId: 'x', roleNames: ['Ghost'] }, 'E011004'],
    ['a tenant role at project level', { loginId: 'x', roleNames: ['Approver'] }, 'E011004'],
    ['an unknown tenant', { loginId: 'x', userTenants: [{ tenantId: 'T2No', roleNames: [] }] }, 'E011004'],
    [
      'a membership without tenant',
      { loginId: 'x', userTenants: [{ tenantId: '', roleNames: [] }] },
      'E011002',
    ],
    ['a bad email', { loginId: 'x', email: 'nope' }, 'E011004'],
    ['a bad phone', { loginId: 'x', phone: 'nope' }, 'E011004'],
    ['a bad recovery email', { loginId: 'x', recoveryEmail: 'nope' }, 'E011004'],
    ['an unknown SSO app', { loginId: 'x', ssoAppIds: ['nope'] }, 'E011004'],
    ['a bad status', { loginId: 'x', status: 'expired' }, 'E011004'],
  ])('refuses %s with %s', (_, input, code) => {
    expect(thrownCode(() => buildUser(input, catalog, NOW))).toBe(code);
  });

  it('keeps a pinned user ID and creation time (fixtures), and an explicit status', () => {
    const user = buildUser(
      { loginId: 'p', userId: 'U2Pinned', createdTime: 42, status: 'disabled' },
      catalog,
      NOW,
    );
    expect(user).toMatchObject({ userId: 'U2Pinned', createdTime: 42, status: 'disabled' });
  });
});

describe('withAttributes', () => {
  const base = {
    ...blankUser('w', NOW),
    email: 'w@example.com',
    verifiedEmail: true,
    name: 'W',
    roleNames: ['Viewer'],
  };

  it('keeps what is absent and replaces what is given', () => {
    expect(withAttributes(base, { givenName: 'G' }, catalog)).toEqual({ ...base, givenName: 'G' });
    expect(withAttributes(base, { roleNames: [] }, catalog)).toEqual({ ...base, roleNames: [] });
  });

  it('resets the verified flag when the value is cleared, and honours an explicit flag', () => {
    expect(withAttributes(base, { email: '' }, catalog)).toMatchObject({ email: '', verifiedEmail: false });
    expect(withAttributes(base, { email: 'n@example.com', verifiedEmail: false }, catalog)).toMatchObject({
      verifiedEmail: false,
    });
    expect(withAttributes(base, { verifiedEmail: false }, catalog)).toMatchObject({
      email: 'w@example.com',
      verifiedEmail: false,
    });
  });
});

describe('checkStatus', () => {
  it('accepts the settable statuses, undefined for none, E011004 otherwise', () => {
    expect(['enabled', 'disabled', 'invited'].map((status) => checkStatus(status))).toEqual([
      'enabled',
      'disabled',
      'invited',
    ]);
    expect(checkStatus(undefined)).toBeUndefined();
    expect(checkStatus('')).toBeUndefined();
    for (const status of ['expired', 'Enabled', 'active'])
      expect(thrownCode(() => checkStatus(status))).toBe('E011004');
  });
});
