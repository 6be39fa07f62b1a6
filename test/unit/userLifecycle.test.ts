import { describe, expect, it } from 'vitest';
import { TYPE_CODES, typeOfCode, withoutAttributes } from '../../src/domain/attributeDefinitions.js';
import type { Catalog } from '../../src/domain/catalog.js';
import { invitationsFor } from '../../src/domain/invitations.js';
import { withLoginIds } from '../../src/domain/loginIds.js';
import { blankUser } from '../../src/domain/user.js';
import { prepareBatchUser } from '../../src/domain/userBatch.js';
import { patchUser, replaceUser } from '../../src/domain/userModify.js';
import { DescopeError } from '../../src/errors.js';

/** The lifecycle rules as plain functions: invitations, full update vs patch, batch credentials, type codes. */

const catalog: Catalog = {
  tenant: (id) => (id === 'T1' ? { id, name: 'One' } : undefined),
  role: (name) => (name === 'Viewer' ? { name, tenantId: '', permissionNames: [] } : undefined),
  attribute: (name) => (name === 'plan' ? { name, displayName: '', type: 'text', options: [] } : undefined),
  ssoApp: () => true,
};

/** A mutation context where `taken@x.io` is another user's login ID. */
const ctx = {
  catalog,
  nowMs: 1_700_000_000_000,
  loginIdOwner: (loginId: string) => (loginId.toLowerCase() === 'taken@x.io' ? 'U2Other' : undefined),
};

const user = (loginId: string, extra: Partial<ReturnType<typeof blankUser>> = {}) => ({
  ...blankUser(loginId, 1_700_000_000_000),
  ...extra,
});

const kindOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DescopeError ? error.kind : 'other';
  }
  return 'none';
};

describe('invitationsFor', () => {
  it('defaults to email when the user has one, else SMS to the phone or phone login ID', () => {
    expect(invitationsFor(user('a', { email: 'a@x.io' }), {}).map((m) => m.deliveryMethod)).toEqual([
      'email',
    ]);
    expect(invitationsFor(user('+15555550100'), {}).map((m) => [m.deliveryMethod, m.payload.to])).toEqual([
      ['sms', '+15555550100'],
    ]);
    const both = invitationsFor(user('a', { email: 'a@x.io', phone: '+15555550100' }), { sendSMS: true });
    expect(both.map((m) => m.deliveryMethod)).toEqual(['email', 'sms']);
  });

  it('refuses a user with no way to reach, or a channel the user lacks', () => {
    expect(kindOf(() => invitationsFor(user('plain'), {}))).toBe('INVALID_ARGUMENTS');
    expect(kindOf(() => invitationsFor(user('a', { phone: '+15555550100' }), { sendMail: true }))).toBe(
      'INVALID_ARGUMENTS',
    );
  });
});

describe('replaceUser and patchUser', () => {
  const before = user('p@x.io', {
    loginIds: ['p@x.io', 'p-alt'],
    email: 'p@x.io',
    verifiedEmail: true,
    phone: '+15555550100',
    name: 'P',
    roleNames: ['Viewer'],
    customAttributes: { plan: 'a' },
    status: 'enabled',
    password: true,
  });

  it('update clears what is not given and keeps login IDs, status and credentials', () => {
    const next = replaceUser(before, { name: 'Q' }, ctx);
    expect(next).toMatchObject({ name: 'Q', email: '', phone: '', roleNames: [], customAttributes: {} });
    expect(next).toMatchObject({ loginIds: ['p@x.io', 'p-alt'], status: 'enabled', password: true });
  });

  it('patch keeps what is not given and clears an empty list', () => {
    const next = patchUser(before, { roleNames: [], scim: true }, ctx);
    expect(next).toMatchObject({
      name: 'P',
      email: 'p@x.io',
      roleNames: [],
      SCIM: true,
      customAttributes: { plan: 'a' },
    });
  });

  it('update and patch move a login ID that equals the old email or phone, as update/email does', () => {
    const phoneUser = { ...before, loginIds: ['p@x.io', '+15555550100'] };
    expect(replaceUser(phoneUser, { email: 'q@x.io', phone: '+1 555 555 0199' }, ctx).loginIds).toEqual([
      'q@x.io',
      '+15555550199',
    ]);
    expect(patchUser(phoneUser, { email: 'Q@x.io', additionalLoginIds: ['extra'] }, ctx).loginIds).toEqual([
      'Q@x.io',
      '+15555550100',
      'extra',
    ]);
    // A contact that is not a login ID, or one cleared by update, moves nothing.
    expect(replaceUser(before, { name: 'Q' }, ctx).loginIds).toEqual(['p@x.io', 'p-alt']);
    expect(patchUser(before, { phone: '+15555550123' }, ctx).loginIds).toEqual(['p@x.io', 'p-alt']);
    // A login ID cannot follow onto another user's.
    expect(kindOf(() => patchUser(before, { email: 'taken@x.io' }, ctx))).toBe('INVALID_ARGUMENTS');
  });

  it('withLoginIds appends new ones once, case-insensitively, phones normalised', () => {
    expect(withLoginIds(['a@x.io'], ['A@X.io', '+1 555 555 0100', ''])).toEqual(['a@x.io', '+15555550100']);
  });
});

describe('prepareBatchUser', () => {
  it('keeps only a hash of a cleartext password and sets the flags', () => {
    const { user: made, passwordHash } = prepareBatchUser(
      { loginId: 'b@x.io', password: 'pw-123456', seed: 'JBSWY3DPEHPK3PXP' },
      catalog,
      1_700_000_000_000,
    );
    expect(made).toMatchObject({ password: true, TOTP: true, status: 'invited' });
    expect(passwordHash).toMatch(/^scrypt\$/);
    expect(passwordHash).not.toContain('pw-123456');
  });

  it('refuses both password kinds at once, and a hashed password missing a member', () => {
    const both = { loginId: 'b', password: 'x', hashedPassword: { md5: { hash: 'h' } } };
    expect(kindOf(() => prepareBatchUser(both, catalog, 0))).toBe('INVALID_ARGUMENTS');
    const partial = { loginId: 'b', hashedPassword: { firebase: { hash: 'h' } } };
    expect(kindOf(() => prepareBatchUser(partial, catalog, 0))).toBe('INVALID_ARGUMENTS');
  });
});

describe('custom attribute type codes', () => {
  it('maps 1…6 to the six console types and back; 0 is text; others refused', () => {
    for (const [type, code] of Object.entries(TYPE_CODES)) expect(typeOfCode(code)).toBe(type);
    expect(typeOfCode(0)).toBe('text');
    expect(kindOf(() => typeOfCode(7))).toBe('INVALID_ARGUMENTS');
  });

  it('withoutAttributes drops only the named keys', () => {
    const held = user('c', { customAttributes: { plan: 'a', seats: 2 } });
    expect(withoutAttributes(held, ['plan']).customAttributes).toEqual({ seats: 2 });
  });
});
