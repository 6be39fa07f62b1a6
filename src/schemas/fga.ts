import { z } from 'zod';
import { AuthzSchema, FgaJsonSchema } from './fgaSchema.js';

/**
 * The wire shapes of `management.fga.*` (descope-mgmt-more.md §1.4). Required fields are optional here so
 * that a missing one answers E011002 naming it (src/app/fga.ts), as Descope's missing-argument errors do.
 */

/** A tuple as the DSL API sends it; `targetType` is `T` or `T#rel` (a target set). */
export const FgaTupleWire = z.object({
  resource: z.string().optional(),
  resourceType: z.string().optional(),
  relation: z.string().optional(),
  target: z.string().optional(),
  targetType: z.string().optional(),
});
export type FgaTupleWire = z.output<typeof FgaTupleWire>;

/** A tuple as the mock answers it: every field present. */
const FgaTupleAnswer = z.object({
  resource: z.string(),
  resourceType: z.string(),
  relation: z.string(),
  target: z.string(),
  targetType: z.string(),
});

export const SaveFgaSchemaBody = z.object({ dsl: z.string().optional() });
export type SaveFgaSchemaBody = z.output<typeof SaveFgaSchemaBody>;

export const LoadFgaSchemaResponse = z.object({
  dsl: z.string().describe('the DSL as last saved ("" before any save)'),
  schema: FgaJsonSchema,
  version: z.string().describe('changes on every save; "" before any'),
});
export type LoadFgaSchemaResponse = z.input<typeof LoadFgaSchemaResponse>;

export const DryRunFgaSchemaResponse = z.object({
  deletesPreview: z.object({
    hasDeletes: z.boolean(),
    relations: z.array(z.string()).describe('"type#relation" whose tuples the save would delete'),
    types: z.array(z.string()),
  }),
});
export type DryRunFgaSchemaResponse = z.input<typeof DryRunFgaSchemaResponse>;

export const FgaTuplesBody = z.object({ tuples: z.array(FgaTupleWire).optional() });
export type FgaTuplesBody = z.output<typeof FgaTuplesBody>;

export const FgaCheckBody = z.object({
  tuples: z.array(FgaTupleWire).optional(),
  context: z.record(z.string(), z.unknown()).optional(),
});
export type FgaCheckBody = z.output<typeof FgaCheckBody>;

export const FgaCheckResponse = z.object({
  tuples: z.array(
    z.object({
      allowed: z.boolean(),
      tuple: FgaTupleAnswer,
      info: z.object({
        direct: z.boolean(),
        conditional: z.boolean().optional(),
        missingContext: z.array(z.string()).optional(),
        conditionalErr: z.string().optional(),
      }),
    }),
  ),
});
export type FgaCheckResponse = z.input<typeof FgaCheckResponse>;

export const ResourceIdentifierWire = z.object({
  resourceId: z.string().optional(),
  resourceType: z.string().optional(),
});

export const LoadResourcesDetailsBody = z.object({
  resourceIdentifiers: z.array(ResourceIdentifierWire).optional(),
});
export type LoadResourcesDetailsBody = z.output<typeof LoadResourcesDetailsBody>;

const ResourceDetailsAnswer = z.object({
  resourceId: z.string(),
  resourceType: z.string(),
  displayName: z.string(),
});

export const ResourcesDetailsResponse = z.object({ resourcesDetails: z.array(ResourceDetailsAnswer) });
export type ResourcesDetailsResponse = z.input<typeof ResourcesDetailsResponse>;

export const SaveResourcesDetailsBody = z.object({
  resourcesDetails: z.array(ResourceIdentifierWire.extend({ displayName: z.string().optional() })).optional(),
});
export type SaveResourcesDetailsBody = z.output<typeof SaveResourcesDetailsBody>;

/** int64 in proto3 JSON: the Node SDK sends `resourcesLimit` as a string. */
const limit = z.union([z.number(), z.string()]).optional();

export const MappableSchemaQuery = z.object({ tenantId: z.string().optional(), resourcesLimit: limit });
export type MappableSchemaQuery = z.output<typeof MappableSchemaQuery>;

const MappableResources = z.array(
  z.object({
    type: z.string(),
    resources: z.array(z.object({ resource: z.string(), displayName: z.string() })),
  }),
);

export const MappableSchemaResponse = z.object({ schema: AuthzSchema, mappableResources: MappableResources });
export type MappableSchemaResponse = z.input<typeof MappableSchemaResponse>;

export const SearchMappableResourcesBody = z.object({
  tenantId: z.string().optional(),
  resourcesQueries: z
    .array(z.object({ type: z.string().optional(), queries: z.array(z.string()).optional() }))
    .optional(),
  resourcesLimit: limit,
});
export type SearchMappableResourcesBody = z.output<typeof SearchMappableResourcesBody>;

export const MappableResourcesResponse = z.object({ mappableResources: MappableResources });
export type MappableResourcesResponse = z.input<typeof MappableResourcesResponse>;
