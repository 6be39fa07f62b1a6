import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DescopeError } from '../../../src/errors.js';
import { normaliserOf, protoName } from '../../../src/http/normalise.js';

const Tenant = z.object({ tenantId: z.string().optional(), roleNames: z.array(z.string()).optional() });
const Body = z.object({
  loginId: z.string().optional(),
  givenName: z.string().optional(),
  user: z.object({ phone: z.string().optional(), familyName: z.string().optional() }).optional(),
  userTenants: z.array(Tenant).optional(),
  customAttributes: z.record(z.string(), z.unknown()).optional(),
  tenantRoleNames: z.record(z.string(), z.object({ values: z.array(z.string()).optional() })).optional(),
  loginOptions: z.object({ mfa: z.boolean().optional() }).catchall(z.unknown()).optional(),
  ssoAppIds: z.array(z.string()).optional(),
  ssoAppIDs: z.array(z.string()).optional(),
  expireTime: z.union([z.number(), z.string().transform(Number)]).optional(),
});
const normalise = normaliserOf(Body, { aliases: true });

/** Frozen all the way down: the normaliser must copy, never write into what was sent. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

describe('the request normaliser (proto3 JSON)', () => {
  it('drops nulls of message fields at every depth, keeps them in maps and lists', () => {
    const sent = frozen({
      loginId: 'a',
      givenName: null,
      user: { phone: null, familyName: 'F' },
      userTenants: [{ tenantId: 'T1', roleNames: null }, null],
      customAttributes: { plan: null, seats: 2 },
      tenantRoleNames: { T1: { values: null } },
      loginOptions: { mfa: null, customClaims: null, templateId: 't' },
      unknownKey: null,
    });
    expect(normalise(sent)).toEqual({
      loginId: 'a',
      user: { familyName: 'F' },
      userTenants: [{ tenantId: 'T1' }, null],
      customAttributes: { plan: null, seats: 2 },
      tenantRoleNames: { T1: {} },
      loginOptions: { templateId: 't' },
    });
  });

  it('renames proto (snake_case) names of declared fields at every depth, never the keys of a map', () => {
    const sent = frozen({
      login_id: 'a',
      given_name: 'G',
      user: { family_name: 'F' },
      user_tenants: [{ tenant_id: 'T1', role_names: ['r'] }],
      custom_attributes: { plan_name: 'x' },
      sso_app_ids: ['app'],
      expire_time: '12',
      not_declared: 1,
    });
    expect(normalise(sent)).toEqual({
      loginId: 'a',
      givenName: 'G',
      user: { familyName: 'F' },
      userTenants: [{ tenantId: 'T1', roleNames: ['r'] }],
      customAttributes: { plan_name: 'x' },
      ssoAppIds: ['app'],
      expireTime: '12',
      not_declared: 1,
    });
  });

  it('keeps the JSON name when both spellings are sent', () => {
    expect(normalise({ given_name: 'proto', givenName: 'json' })).toEqual({ givenName: 'json' });
    expect(normalise({ givenName: 'json', given_name: 'proto' })).toEqual({ givenName: 'json' });
  });

  it('renames nothing without aliases (the control plane)', () => {
    const plain = normaliserOf(Body, { aliases: false });
    expect(plain({ given_name: 'G', user: { phone: null } })).toEqual({ given_name: 'G', user: {} });
  });

  it('answers the very object sent when there is nothing to change', () => {
    const sent = {
      loginId: 'a',
      user: { phone: 'p' },
      userTenants: [{ tenantId: 'T1' }],
      customAttributes: {},
    };
    expect(normalise(sent)).toBe(sent);
  });

  it('refuses the reserved names as keys of a map (E011004), wherever the map is', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const attributes = JSON.parse(`{"${key}": "x"}`);
      const refused = () => normalise({ customAttributes: attributes });
      expect(refused).toThrow(DescopeError);
      expect(refused).toThrow(`The customAttributes field cannot use the name "${key}"`);
      expect(() => normalise({ tenantRoleNames: { [key]: {} } })).toThrow(DescopeError);
      // A free-form value (here an undeclared key of a catch-all message) is not walked: no map, no refusal.
      expect(() => normalise({ loginOptions: { customClaims: JSON.parse(`{"${key}": 1}`) } })).not.toThrow();
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('follows z.lazy into a schema that contains itself', () => {
    type Node = { name?: string; children?: Node[] };
    const NodeSchema: z.ZodType<Node> = z.lazy(() =>
      z.object({ name: z.string().optional(), children: z.array(NodeSchema).optional() }),
    );
    const tree = normaliserOf(NodeSchema, { aliases: true });
    expect(tree({ name: null, children: [{ name: 'a', children: [{ name: null }] }] })).toEqual({
      children: [{ name: 'a', children: [{}] }],
    });
  });

  it('derives proto names as protoc does from lower snake_case', () => {
    expect(['givenName', 'ssoAppIDs', 'sendSMS', 'x509Cert', 'loginId', 'URI'].map(protoName)).toEqual([
      'given_name',
      'sso_app_ids',
      'send_sms',
      'x509_cert',
      'login_id',
      'uri',
    ]);
  });
});
