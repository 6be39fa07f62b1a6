/** A role (Descope's Role object). `tenantId` is '' for a project-level role. */
export interface RoleRecord {
  id: string;
  name: string;
  description: string;
  permissionNames: string[];
  /** Epoch seconds. */
  createdTime: number;
  tenantId: string;
  default: boolean;
  private: boolean;
}

export interface PermissionRecord {
  id: string;
  name: string;
  description: string;
  systemDefault: boolean;
}

/** What every new Descope project holds (docs.descope.com/manage/roles): one role and its three permissions. */
export const BUILT_IN_PERMISSIONS: readonly { name: string; description: string }[] = [
  { name: 'SSO Admin', description: 'Configure SSO for the tenant' },
  { name: 'User Admin', description: 'Manage users of the tenant' },
  { name: 'Impersonate', description: 'Impersonate users of the tenant' },
];
export const TENANT_ADMIN_ROLE = {
  name: 'Tenant Admin',
  description: 'Tenant administrator',
  permissionNames: BUILT_IN_PERMISSIONS.map((permission) => permission.name),
};

/** The SSO application every new project has, so `ssoAppIds` can name it (descope-api.md 8.1). */
export const DEFAULT_SSO_APP = { id: 'descope-default-oidc', name: 'OIDC Default Application' };
