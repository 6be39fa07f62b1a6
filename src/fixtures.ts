import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CUSTOM_ATTRIBUTE_TYPES } from './domain/catalog.js';
import { USER_STATUSES } from './domain/user.js';

/**
 * The fixture file format of DESIGN.md §1: projects with their permissions, roles, tenants, custom
 * attribute definitions and users. The same format seeds projects made through the control plane and is what
 * a snapshot exports. Seeding lives in src/seed.ts.
 */

const PermissionFixture = z.object({ name: z.string().min(1), description: z.string().default('') });

const RoleFixture = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  permissionNames: z.array(z.string()).default([]),
  tenantId: z.string().default(''),
  default: z.boolean().default(false),
});

const TenantFixture = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  selfProvisioningDomains: z.array(z.string()).default([]),
  customAttributes: z.record(z.string(), z.unknown()).default({}),
  parent: z.string().default(''),
  createdTime: z.number().int().nonnegative().optional(),
});

const CustomAttributeFixture = z.object({
  name: z.string().min(1),
  displayName: z.string().default(''),
  type: z.enum(CUSTOM_ATTRIBUTE_TYPES).default('text'),
  options: z.array(z.object({ value: z.string(), label: z.string().default('') })).default([]),
});

const UserFixture = z.object({
  loginId: z.string().min(1),
  userId: z
    .string()
    .regex(/^[A-Za-z0-9]{1,64}$/, 'a user ID is letters and digits')
    .optional(),
  additionalLoginIds: z.array(z.string()).default([]),
  email: z.email('invalid email').optional(),
  phone: z.string().optional(),
  name: z.string().optional(),
  givenName: z.string().optional(),
  middleName: z.string().optional(),
  familyName: z.string().optional(),
  picture: z.string().optional(),
  verifiedEmail: z.boolean().optional(),
  verifiedPhone: z.boolean().optional(),
  status: z.enum(USER_STATUSES).optional(),
  test: z.boolean().default(false),
  roleNames: z.array(z.string()).default([]),
  userTenants: z
    .array(z.object({ tenantId: z.string().min(1), roleNames: z.array(z.string()).default([]) }))
    .default([]),
  customAttributes: z.record(z.string(), z.unknown()).default({}),
  ssoAppIds: z.array(z.string()).default([]),
  createdTime: z.number().int().nonnegative().optional(),
});

export const ProjectFixtureSchema = z.object({
  projectId: z.string().regex(/^[A-Za-z0-9]{4,64}$/, 'a project ID is 4 to 64 letters and digits'),
  name: z.string().default(''),
  managementKeys: z.array(z.string().min(1)).min(1, 'at least one management key'),
  permissions: z.array(PermissionFixture).default([]),
  roles: z.array(RoleFixture).default([]),
  tenants: z.array(TenantFixture).default([]),
  customAttributes: z.array(CustomAttributeFixture).default([]),
  users: z.array(UserFixture).default([]),
});

export const FixtureFileSchema = z.object({ projects: z.array(ProjectFixtureSchema) });

export type ProjectFixture = z.infer<typeof ProjectFixtureSchema>;
export type UserFixture = z.infer<typeof UserFixture>;
export type FixtureFile = z.infer<typeof FixtureFileSchema>;

/** A fixture that cannot be loaded; the message starts with the path inside the file. */
export class FixtureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixtureError';
  }
}

/** `projects[0].users[3].email` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

export function parseFixtures(input: unknown, source: string): FixtureFile {
  const result = FixtureFileSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? formatPath(issue.path) : '';
    throw new FixtureError(
      `${source}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid fixture file'}`,
    );
  }
  return result.data;
}

export function readFixtureFile(path: string): FixtureFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FixtureError(
      `${path}: cannot read fixture file (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FixtureError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return parseFixtures(json, path);
}
