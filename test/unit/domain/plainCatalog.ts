import type {
  Catalog,
  CatalogRole,
  CatalogTenant,
  CustomAttributeDefinition,
} from '../../../src/domain/catalog.js';
import type { MutationContext } from '../../../src/domain/userUpdates.js';
import { DescopeError } from '../../../src/errors.js';

/**
 * A Catalog over plain objects, shaped like test/fixtures/basic.json: project roles Viewer, Editor and
 * Tenant Admin, Approver scoped to T2Acme, tenants T2Acme and T2Globex, one custom attribute of each type,
 * and the default SSO application.
 */
export function plainCatalog(extra: { tenants?: CatalogTenant[]; roles?: CatalogRole[] } = {}): Catalog {
  const tenants: CatalogTenant[] = [
    { id: 'T2Acme', name: 'Acme' },
    { id: 'T2Globex', name: 'Globex' },
    ...(extra.tenants ?? []),
  ];
  const roles: CatalogRole[] = [
    { name: 'Viewer', tenantId: '', permissionNames: ['Read Reports'] },
    { name: 'Editor', tenantId: '', permissionNames: ['Read Reports', 'User Admin'] },
    { name: 'Tenant Admin', tenantId: '', permissionNames: ['SSO Admin', 'User Admin', 'Impersonate'] },
    { name: 'Approver', tenantId: 'T2Acme', permissionNames: ['Impersonate'] },
    ...(extra.roles ?? []),
  ];
  const attributes: CustomAttributeDefinition[] = [
    { name: 'nickname', displayName: '', type: 'text', options: [] },
    { name: 'seats', displayName: '', type: 'numeric', options: [] },
    { name: 'beta', displayName: '', type: 'boolean', options: [] },
    {
      name: 'plan',
      displayName: '',
      type: 'singleSelect',
      options: [
        { value: 'free', label: 'Free' },
        { value: 'pro', label: 'Pro' },
      ],
    },
    {
      name: 'teams',
      displayName: '',
      type: 'multiSelect',
      options: [
        { value: 'red', label: 'Red' },
        { value: 'blue', label: 'Blue' },
      ],
    },
    { name: 'renewal', displayName: '', type: 'date', options: [] },
  ];
  const scoped = (name: string, tenantId: string) =>
    roles.find((role) => role.name === name && role.tenantId === tenantId);
  return {
    tenant: (id) => tenants.find((tenant) => tenant.id === id),
    role: (name, tenantId = '') =>
      tenantId ? (scoped(name, tenantId) ?? scoped(name, '')) : scoped(name, ''),
    attribute: (name) => attributes.find((attribute) => attribute.name === name),
    ssoApp: (appId) => appId === 'descope-default-oidc',
  };
}

/** A mutation context over the plain catalog; `owners` maps login IDs (lower case) to the user IDs holding them. */
export function plainContext(
  owners: Record<string, string> = {},
  nowMs = 1_767_225_600_000,
): MutationContext {
  return {
    catalog: plainCatalog(),
    nowMs,
    loginIdOwner: (loginId) => owners[loginId.toLowerCase()],
  };
}

/** The Descope error code `fn` throws ('' when it returns). */
export function thrownCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DescopeError) return error.code;
    throw error;
  }
  return '';
}
