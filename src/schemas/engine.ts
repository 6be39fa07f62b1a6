import { z } from 'zod';

/** The wire shapes of engines (descope-mgmt-more.md §15; the Node SDK's types, the spec has none). */

export const CreateEngineBody = z.object({ name: z.string().optional() });
export type CreateEngineBody = z.output<typeof CreateEngineBody>;
export const UpdateEngineBody = z.object({ id: z.string().optional(), name: z.string().optional() });
export type UpdateEngineBody = z.output<typeof UpdateEngineBody>;
export const EngineIdBody = z.object({ id: z.string().optional() });
export type EngineIdBody = z.output<typeof EngineIdBody>;
export const EngineQuery = EngineIdBody;
export type EngineQuery = z.output<typeof EngineQuery>;

const EngineSchema = z.object({
  id: z.string(),
  name: z.string(),
  secret: z.string().describe('the cleartext on create only; "" elsewhere'),
  createdTime: z.number().int(),
});

export const EngineResponse = z.object({ engine: EngineSchema });
export type EngineResponse = z.input<typeof EngineResponse>;
export const EnginesResponse = z.object({ engines: z.array(EngineSchema) });
export type EnginesResponse = z.input<typeof EnginesResponse>;
export const EngineSecretResponse = z.object({ secret: z.string() });
export type EngineSecretResponse = z.input<typeof EngineSecretResponse>;
