import { z } from 'zod';

/**
 * The wire shapes of IP and text lists (descope-mgmt-more.md §11). `data` is a protobuf Value: an array of
 * strings for an `ips` or `texts` list, an object for a `json` list.
 */

const ListData = z
  .unknown()
  .describe('ips and texts lists: an array of strings (addresses or CIDR ranges for ips); json: an object');

const listFields = {
  name: z.string().optional(),
  description: z.string().optional(),
  type: z.string().optional().describe('ips, texts or json'),
  data: ListData.optional(),
};

/** list (create), one item of list/import. */
export const CreateListBody = z.object(listFields);
export type CreateListBody = z.output<typeof CreateListBody>;

export const UpdateListBody = z.object({ id: z.string().optional(), ...listFields });
export type UpdateListBody = z.output<typeof UpdateListBody>;

export const ImportListsBody = z.object({ lists: z.array(CreateListBody).optional() });
export type ImportListsBody = z.output<typeof ImportListsBody>;

/** delete and clear. */
export const ListIdBody = z.object({ id: z.string().optional() });
export type ListIdBody = z.output<typeof ListIdBody>;

export const ListIpsBody = z.object({ id: z.string().optional(), ips: z.array(z.string()).optional() });
export type ListIpsBody = z.output<typeof ListIpsBody>;

export const ListTextsBody = z.object({ id: z.string().optional(), texts: z.array(z.string()).optional() });
export type ListTextsBody = z.output<typeof ListTextsBody>;

export const CheckIpBody = z.object({ id: z.string().optional(), ip: z.string().optional() });
export type CheckIpBody = z.output<typeof CheckIpBody>;

export const CheckTextBody = z.object({ id: z.string().optional(), text: z.string().optional() });
export type CheckTextBody = z.output<typeof CheckTextBody>;

export const ListIdParams = z.object({ id: z.string() });
export type ListIdParams = z.output<typeof ListIdParams>;

export const ListNameParams = z.object({ name: z.string() });
export type ListNameParams = z.output<typeof ListNameParams>;

export const WireListSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  type: z.string(),
  data: z.union([z.array(z.string()), z.record(z.string(), z.unknown())]),
});
export type WireListSchema = z.input<typeof WireListSchema>;

export const ListResponse = z.object({ list: WireListSchema });
export type ListResponse = z.input<typeof ListResponse>;

export const ListsResponse = z.object({ lists: z.array(WireListSchema) });
export type ListsResponse = z.input<typeof ListsResponse>;

export const ListCheckResponse = z.object({ exists: z.boolean() });
export type ListCheckResponse = z.input<typeof ListCheckResponse>;
