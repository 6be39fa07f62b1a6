import { z } from 'zod';

/** Descope's SortField list: by each field in turn, ascending unless `desc`. */
export const SortSchema = z
  .array(z.object({ field: z.string(), desc: z.boolean().optional() }))
  .optional()
  .describe('by each field in turn, ascending unless desc');
