/** A tenant as the mock keeps it (Descope's Tenant object; `successors` is derived from the children). */
export interface TenantRecord {
  id: string;
  name: string;
  selfProvisioningDomains: string[];
  customAttributes: Record<string, unknown>;
  authType: string;
  domains: string[];
  /** Epoch seconds. */
  createdTime: number;
  disabled: boolean;
  enforceSSO: boolean;
  enforceSSOExclusions: string[];
  federatedAppIds: string[];
  parent: string;
  defaultRoles: string[];
  roleInheritance: string;
}

export function blankTenant(id: string, name: string, nowMs: number): TenantRecord {
  return {
    id,
    name,
    selfProvisioningDomains: [],
    customAttributes: {},
    authType: 'none',
    domains: [],
    createdTime: Math.floor(nowMs / 1000),
    disabled: false,
    enforceSSO: false,
    enforceSSOExclusions: [],
    federatedAppIds: [],
    parent: '',
    defaultRoles: [],
    roleInheritance: '',
  };
}
