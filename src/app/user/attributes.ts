import type { PatchInput } from '../../domain/userModify.js';
import type { UpdateUserBody } from '../../schemas/userPatch.js';

/** A body's attributes with their aliases resolved (descope-api.md 1.7): create, batch, import, update, patch. */
export function attributesOf(body: UpdateUserBody): PatchInput {
  return {
    ...body,
    phone: body.phone ?? body.phoneNumber,
    name: body.displayName ?? body.name,
    additionalLoginIds: body.additionalLoginIds ?? body.additionalIdentifiers,
    ssoAppIds: body.ssoAppIds ?? body.ssoAppIDs,
  };
}
