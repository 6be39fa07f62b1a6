import { z } from 'zod';

/** The wire shapes of descopers (descope-mgmt-more.md §14, spec Descoper). */

const Attributes = z.object({
  displayName: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});
const Rbac = z.object({
  isCompanyAdmin: z.boolean().optional(),
  tags: z.array(z.object({ tags: z.array(z.string()).optional(), role: z.string().optional() })).optional(),
  projects: z
    .array(z.object({ projectIds: z.array(z.string()).optional(), role: z.string().optional() }))
    .optional(),
});

export const CreateDescopersBody = z.object({
  descopers: z
    .array(
      z.object({
        loginId: z.string().optional().describe('an email address'),
        attributes: Attributes.optional(),
        sendInvite: z.boolean().optional(),
        rbac: Rbac.optional(),
      }),
    )
    .optional(),
});
export type CreateDescopersBody = z.output<typeof CreateDescopersBody>;

export const UpdateDescoperBody = z.object({
  id: z.string().optional(),
  attributes: Attributes.optional(),
  rbac: Rbac.optional(),
});
export type UpdateDescoperBody = z.output<typeof UpdateDescoperBody>;

export const DescoperQuery = z.object({ id: z.string().optional() });
export type DescoperQuery = z.output<typeof DescoperQuery>;

const DescoperSchema = z.object({
  id: z.string(),
  loginIDs: z.array(z.string()),
  attributes: z.object({ displayName: z.string(), email: z.string(), phone: z.string() }),
  rbac: z.object({
    isCompanyAdmin: z.boolean(),
    tags: z.array(z.object({ tags: z.array(z.string()), role: z.string() })),
    projects: z.array(z.object({ projectIds: z.array(z.string()), role: z.string() })),
  }),
  status: z.string(),
});

export const DescopersResponse = z.object({ descopers: z.array(DescoperSchema), total: z.number().int() });
export type DescopersResponse = z.input<typeof DescopersResponse>;
export const DescoperResponse = z.object({ descoper: DescoperSchema });
export type DescoperResponse = z.input<typeof DescoperResponse>;
