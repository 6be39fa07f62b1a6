import { z } from 'zod';

/** Custom attribute definitions of the project (descope-api.md 4.13). */

const CustomAttributeSchema = z.object({
  name: z.string(),
  type: z.number().int().describe('1 text, 2 numeric, 3 boolean, 4 singleSelect, 5 multiSelect, 6 date'),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  displayName: z.string(),
  defaultValue: z.unknown(),
  viewPermissions: z.array(z.string()),
  editPermissions: z.array(z.string()),
  editable: z.boolean(),
});

/** One definition as create sends it. */
const CustomAttributeInputSchema = z.object({
  name: z.string().optional(),
  type: z.number().int().optional(),
  displayName: z.string().optional(),
  options: z.array(z.object({ value: z.string().optional(), label: z.string().optional() })).optional(),
  defaultValue: z.unknown().optional(),
  viewPermissions: z.array(z.string()).optional(),
  editPermissions: z.array(z.string()).optional(),
  editable: z.boolean().optional().describe('false is kept and answered back; true when absent'),
});

export const CreateCustomAttributesBody = z.object({
  attributes: z.array(CustomAttributeInputSchema).optional(),
});
export type CreateCustomAttributesBody = z.output<typeof CreateCustomAttributesBody>;

export const DeleteCustomAttributesBody = z.object({ names: z.array(z.string()).optional() });
export type DeleteCustomAttributesBody = z.output<typeof DeleteCustomAttributesBody>;

/** CustomAttributesResponse, the answer of list, create and delete alike: the full list and its size. */
export const CustomAttributesResponse = z.object({
  data: z.array(CustomAttributeSchema),
  total: z.string().describe('int64'),
});
export type CustomAttributesResponse = z.output<typeof CustomAttributesResponse>;
