import { z } from 'zod';

/** The wire shapes of management `flow.*` and `theme.*` (descope-mgmt-more.md §12); flows are opaque JSON. */

const Flow = z.looseObject({ id: z.string() }).describe('{id, name, description, dsl, disabled, etag}');
const Screen = z.record(z.string(), z.unknown()).describe('{id, flowId, inputs, interactions, htmlTemplate}');

export const FlowListBody = z.object({ ids: z.array(z.string()).optional() });
export type FlowListBody = z.output<typeof FlowListBody>;

export const FlowListResponse = z.object({
  flows: z.array(
    z.object({ id: z.string(), name: z.string(), description: z.string(), disabled: z.boolean() }),
  ),
  total: z.number().int(),
});

export const FlowIdsBody = z.object({ ids: z.array(z.string()).optional() });
export type FlowIdsBody = z.output<typeof FlowIdsBody>;

export const FlowIdBody = z.object({ flowId: z.string().optional() });
export type FlowIdBody = z.output<typeof FlowIdBody>;

export const FlowImportBody = z.object({
  flowId: z.string().optional(),
  flow: z.record(z.string(), z.unknown()).optional(),
  screens: z.array(Screen).optional(),
});
export type FlowImportBody = z.output<typeof FlowImportBody>;

export const FlowResponse = z.object({ flow: Flow, screens: z.array(Screen) });

export const FlowRunBody = z.object({
  flowId: z.string().optional(),
  options: z
    .object({
      input: z.record(z.string(), z.unknown()).optional(),
      preview: z.boolean().optional(),
      tenant: z.string().optional(),
    })
    .optional(),
});
export type FlowRunBody = z.output<typeof FlowRunBody>;

export const FlowRunResponse = z.object({ output: z.record(z.string(), z.unknown()) });

const Theme = z.looseObject({}).describe('{id, cssTemplate}');
export const ThemeBody = z.object({ theme: Theme.optional() });
export type ThemeBody = z.output<typeof ThemeBody>;
export const ThemeResponse = z.object({ theme: Theme });
