import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest } from '../../../src/domain/authorization.js';
import { DescopeError } from '../../../src/errors.js';
import { MAX_AUTHORIZATION_BYTES, MAX_PENDING_AUTHORIZATIONS } from '../../../src/store/authorizations.js';
import { openStore } from '../../../src/store/index.js';

/** Authorizations waiting at the IdP page stay bounded, in number per project and in bytes each. */
const request = (redirectUrl = 'http://app.test/callback'): AuthorizationRequest => ({
  kind: 'oauth',
  provider: 'google',
  tenantId: '',
  redirectUrl,
  state: '',
  codeChallenge: '',
  nonce: '',
  scope: '',
  clientId: '',
  loginOptions: {},
});

describe('AuthorizationStore.add', () => {
  it('keeps a project’s newest MAX_PENDING_AUTHORIZATIONS, leaving other projects alone', () => {
    const store = openStore(':memory:');
    store.transaction(() => {
      store.projects.create('P2One', '', ['K2One'], 0);
      store.projects.create('P2Two', '', ['K2Two'], 0);
    });
    const { authorizations } = store;
    store.transaction(() => {
      authorizations.add('P2Two', 'other', request(), 10_000, 0);
      for (let i = 0; i <= MAX_PENDING_AUTHORIZATIONS; i++) {
        authorizations.add('P2One', `a${i}`, request(), 1_000 + i, 0);
      }
    });
    expect(authorizations.find('a0')).toBeUndefined();
    expect(authorizations.find('a1')).toBeDefined();
    expect(authorizations.find(`a${MAX_PENDING_AUTHORIZATIONS}`)).toBeDefined();
    expect(authorizations.find('other')).toBeDefined();
  });

  it('refuses a request larger than MAX_AUTHORIZATION_BYTES with 400 E011004', () => {
    const store = openStore(':memory:');
    store.transaction(() => store.projects.create('P2One', '', ['K2One'], 0));
    const huge = `http://app.test/${'x'.repeat(MAX_AUTHORIZATION_BYTES)}`;
    const attempt = () =>
      store.transaction(() => store.authorizations.add('P2One', 'big', request(huge), 1, 0));
    expect(attempt).toThrow(DescopeError);
    expect(attempt).toThrow(/larger than/);
    expect(store.authorizations.find('big')).toBeUndefined();
  });
});
