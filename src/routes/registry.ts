import { licenseOperations } from './mgmt/license.js';
import { userLifecycleOperations } from './mgmt/user/lifecycle.js';
import { userRoleOperations } from './mgmt/user/roles.js';
import { userUpdateOperations } from './mgmt/user/update.js';
import type { Operation } from './operation.js';

/**
 * Every emulated Descope operation, listed explicitly (no autoloading). The server registers these, and the
 * OpenAPI document and the README's endpoint table are generated from this same list.
 */
export const OPERATIONS: readonly Operation[] = [
  ...licenseOperations,
  ...userLifecycleOperations,
  ...userUpdateOperations,
  ...userRoleOperations,
];
