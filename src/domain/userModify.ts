import { mergeCustomAttributes } from './customAttributes.js';
import { followContacts, withLoginIds } from './loginIds.js';
import type { UserRecord } from './user.js';
import { checkStatus, type UserAttributes, withAttributes } from './userCreate.js';
import type { MutationContext } from './userUpdates.js';

/** What update and patch may change besides the attributes of create. */
export interface ModifyInput extends UserAttributes {
  additionalLoginIds?: string[];
  status?: string;
}

export interface PatchInput extends ModifyInput {
  scim?: boolean;
  test?: boolean;
}

/** The user with every attribute of a full update emptied: what `update` starts from. */
function cleared(user: UserRecord): UserRecord {
  return {
    ...user,
    email: '',
    verifiedEmail: false,
    phone: '',
    verifiedPhone: false,
    name: '',
    givenName: '',
    middleName: '',
    familyName: '',
    picture: '',
    roleNames: [],
    userTenants: [],
    customAttributes: {},
    ssoAppIds: [],
    recoveryEmail: '',
    verifiedRecoveryEmail: false,
    recoveryPhone: '',
    verifiedRecoveryPhone: false,
  };
}

/**
 * update (descope-api.md 4.4): a full replace. Every attribute not given is cleared (Descope's docs: sending
 * only the email removes the phone); the user ID, login IDs, status, test flag, creation time and
 * credentials stay. Vendor behaviour (inferred): a login ID equal to the old email or phone follows the new
 * one, the rule of update/email and update/phone (loginIds.ts); a cleared email or phone keeps its login ID.
 * Vendor behaviour (inferred): omitted additionalLoginIds keep the extra login IDs (only
 * update/loginid removes one), given ones are added; a given status is applied, as the spec lists it.
 */
export function replaceUser(user: UserRecord, input: ModifyInput, ctx: MutationContext): UserRecord {
  const next = withAttributes(cleared(user), input, ctx.catalog);
  return {
    ...next,
    loginIds: withLoginIds(followContacts(user, next, ctx), input.additionalLoginIds),
    status: checkStatus(input.status) ?? user.status,
  };
}

/**
 * patch (descope-api.md 4.5): only the keys given change; a list given empty clears it. `scim`, `status`
 * and `test` are patchable; additional login IDs are added. Vendor behaviour (inferred): `customAttributes`
 * is merged key by key (a null value removes that key), as a map cannot tell "absent" from "empty".
 * Vendor behaviour (inferred): as in update, a login ID equal to the old email or phone follows the new one.
 */
export function patchUser(user: UserRecord, input: PatchInput, ctx: MutationContext): UserRecord {
  const { catalog } = ctx;
  const next = withAttributes(user, { ...input, customAttributes: undefined }, catalog);
  return {
    ...next,
    customAttributes: input.customAttributes
      ? mergeCustomAttributes(user.customAttributes, input.customAttributes, catalog)
      : user.customAttributes,
    loginIds: withLoginIds(followContacts(user, next, ctx), input.additionalLoginIds),
    status: checkStatus(input.status) ?? user.status,
    SCIM: input.scim ?? user.SCIM,
    test: input.test ?? user.test,
  };
}
