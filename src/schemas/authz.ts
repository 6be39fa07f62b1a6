import { z } from 'zod';
import { AuthzNamespace, AuthzRelationDefinition, AuthzSchema } from './fgaSchema.js';

/**
 * The wire shapes of `management.authz.*` (descope-mgmt-more.md §1.5, §1.6). Required fields are optional
 * here so that a missing one answers E011002 naming it (src/app/authz*.ts).
 */

/** An ABAC target (§1.6); Go sends `statuses` as `userStatus`, so both are read. */
export const AuthzQueryWire = z.object({
  tenants: z.array(z.string()).optional(),
  roles: z.array(z.string()).optional(),
  text: z.string().optional(),
  statuses: z.array(z.string()).optional(),
  userStatus: z.array(z.string()).optional(),
  ssoOnly: z.boolean().optional(),
  withTestUser: z.boolean().optional(),
  customAttributes: z.record(z.string(), z.unknown()).optional(),
});
export type AuthzQueryWire = z.output<typeof AuthzQueryWire>;

/** A relation: a plain `target` (of `targetNamespace`), a target set, or a `query`. */
export const AuthzRelationWire = z.object({
  resource: z.string().optional(),
  relationDefinition: z.string().optional(),
  namespace: z.string().optional(),
  target: z.string().optional(),
  targetSetResource: z.string().optional(),
  targetSetRelationDefinition: z.string().optional(),
  targetSetRelationDefinitionNamespace: z.string().optional(),
  query: AuthzQueryWire.optional(),
  targetNamespace: z.string().optional(),
});
export type AuthzRelationWire = z.output<typeof AuthzRelationWire>;

const AuthzRelationAnswer = z.object({
  resource: z.string(),
  relationDefinition: z.string(),
  namespace: z.string(),
  target: z.string().optional(),
  targetSetResource: z.string().optional(),
  targetSetRelationDefinition: z.string().optional(),
  targetSetRelationDefinitionNamespace: z.string().optional(),
  query: AuthzQueryWire.omit({ userStatus: true }).optional(),
  targetNamespace: z.string().optional(),
});
export type AuthzRelationAnswer = z.input<typeof AuthzRelationAnswer>;

export const SaveAuthzSchemaBody = z.object({
  schema: AuthzSchema.optional(),
  upgrade: z.boolean().optional(),
});
export type SaveAuthzSchemaBody = z.output<typeof SaveAuthzSchemaBody>;

export const AuthzSchemaResponse = z.object({ schema: AuthzSchema });
export type AuthzSchemaResponse = z.input<typeof AuthzSchemaResponse>;

export const SaveNamespaceBody = z.object({
  namespace: AuthzNamespace.optional(),
  oldName: z.string().optional(),
  schemaName: z.string().optional(),
});
export type SaveNamespaceBody = z.output<typeof SaveNamespaceBody>;

export const DeleteNamespaceBody = z.object({
  name: z.string().optional(),
  schemaName: z.string().optional(),
});
export type DeleteNamespaceBody = z.output<typeof DeleteNamespaceBody>;

export const SaveRelationDefinitionBody = z.object({
  relationDefinition: AuthzRelationDefinition.optional(),
  namespace: z.string().optional(),
  oldName: z.string().optional(),
  schemaName: z.string().optional(),
});
export type SaveRelationDefinitionBody = z.output<typeof SaveRelationDefinitionBody>;

export const DeleteRelationDefinitionBody = z.object({
  name: z.string().optional(),
  namespace: z.string().optional(),
  schemaName: z.string().optional(),
});
export type DeleteRelationDefinitionBody = z.output<typeof DeleteRelationDefinitionBody>;

export const AuthzRelationsBody = z.object({ relations: z.array(AuthzRelationWire).optional() });
export type AuthzRelationsBody = z.output<typeof AuthzRelationsBody>;

export const AuthzResourcesBody = z.object({ resources: z.array(z.string()).optional() });
export type AuthzResourcesBody = z.output<typeof AuthzResourcesBody>;

const RelationQueryWire = z.object({
  resource: z.string().optional(),
  relationDefinition: z.string().optional(),
  namespace: z.string().optional(),
  target: z.string().optional(),
});

export const HasRelationsBody = z.object({ relationQueries: z.array(RelationQueryWire).optional() });
export type HasRelationsBody = z.output<typeof HasRelationsBody>;

export const HasRelationsResponse = z.object({
  relationQueries: z.array(
    z.object({
      resource: z.string(),
      relationDefinition: z.string(),
      namespace: z.string(),
      target: z.string(),
      hasRelation: z.boolean(),
    }),
  ),
  directRelations: z.array(z.boolean()).describe('per query: it holds through a stored relation alone'),
});
export type HasRelationsResponse = z.input<typeof HasRelationsResponse>;

export const WhoCanAccessBody = z.object({
  resource: z.string().optional(),
  relationDefinition: z.string().optional(),
  namespace: z.string().optional(),
});
export type WhoCanAccessBody = z.output<typeof WhoCanAccessBody>;

export const WhoCanAccessResponse = z.object({ targets: z.array(z.string()) });
export type WhoCanAccessResponse = z.input<typeof WhoCanAccessResponse>;

export const ResourceRelationsBody = z.object({
  resource: z.string().optional(),
  ignoreTargetSetRelations: z.boolean().optional(),
});
export type ResourceRelationsBody = z.output<typeof ResourceRelationsBody>;

export const TargetsRelationsBody = z.object({
  targets: z.array(z.string()).optional(),
  includeTargetSetRelations: z.boolean().optional(),
});
export type TargetsRelationsBody = z.output<typeof TargetsRelationsBody>;

export const TargetAllBody = z.object({ target: z.string().optional() });
export type TargetAllBody = z.output<typeof TargetAllBody>;

export const AuthzRelationsResponse = z.object({ relations: z.array(AuthzRelationAnswer) });
export type AuthzRelationsResponse = z.input<typeof AuthzRelationsResponse>;

export const TargetWithRelationBody = z.object({
  target: z.string().optional(),
  relationDefinition: z.string().optional(),
  namespace: z.string().optional(),
});
export type TargetWithRelationBody = z.output<typeof TargetWithRelationBody>;

export const TargetWithRelationResponse = z.object({ resources: z.array(z.string()) });
export type TargetWithRelationResponse = z.input<typeof TargetWithRelationResponse>;

/** int64 in proto3 JSON: epoch milliseconds as a number or a numeric string. */
export const GetModifiedBody = z.object({ since: z.union([z.number(), z.string()]).optional() });
export type GetModifiedBody = z.output<typeof GetModifiedBody>;

export const GetModifiedResponse = z.object({
  resources: z.array(z.string()),
  targets: z.array(z.string()),
  schemaChanged: z.boolean(),
});
export type GetModifiedResponse = z.input<typeof GetModifiedResponse>;
