import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_FIXTURES, PROJECT_ID_PATTERN } from './config.js';
import { CUSTOM_ATTRIBUTE_TYPES } from './domain/catalog.js';
import { parseSigningKey, SigningKeyError } from './domain/signingKey.js';
import { ROLE_INHERITANCE } from './domain/tenant.js';
import { USER_STATUSES } from './domain/user.js';
import {
  AccessKeyFixture,
  LoginFixture,
  PasskeyFixture,
  PasswordFixtureKeys,
  ProviderTokenFixture,
  TenantSettingsFixture,
  TrustedDeviceFixture,
} from './fixtureParts.js';

/**
 * The fixture file format of DESIGN.md §1: projects with their permissions, roles, tenants, custom
 * attribute definitions, users and access keys (nested objects in src/fixtureParts.ts). The same format
 * seeds projects made through the control plane and is what a snapshot exports. Seeding lives in src/seed.ts.
 */

const PermissionFixture = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  // Snapshots carry these: the ID, and which permissions are the built-ins every project starts with.
  id: z.string().min(1).optional(),
  systemDefault: z.boolean().optional(),
});

const RoleFixture = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  permissionNames: z.array(z.string()).default([]),
  tenantId: z.string().default(''),
  default: z.boolean().default(false),
  // Snapshots carry these so a restored role is the same role; a hand-written fixture leaves them out.
  id: z.string().min(1).optional(),
  createdTime: z.number().int().nonnegative().optional(),
  private: z.boolean().optional(),
});

const TenantFixture = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  selfProvisioningDomains: z.array(z.string()).default([]),
  customAttributes: z.record(z.string(), z.unknown()).default({}),
  parent: z.string().default(''),
  createdTime: z.number().int().nonnegative().optional(),
  // The rest of Descope's tenant settings, as a snapshot exports them; absent means the API's default.
  authType: z.string().optional(),
  domains: z.array(z.string()).optional(),
  disabled: z.boolean().optional(),
  enforceSSO: z.boolean().optional(),
  enforceSSOExclusions: z.array(z.string()).optional(),
  federatedAppIds: z.array(z.string()).optional(),
  defaultRoles: z.array(z.string()).optional(),
  roleInheritance: z
    .string()
    .refine(
      (value) => (ROLE_INHERITANCE as readonly string[]).includes(value),
      'must be "", none or userOnly',
    )
    .optional(),
  /** The session part of `tenant/settings`; absent means a tenant whose settings were never configured. */
  settings: TenantSettingsFixture.optional(),
});

const CustomAttributeFixture = z.object({
  name: z.string().min(1),
  displayName: z.string().default(''),
  type: z.enum(CUSTOM_ATTRIBUTE_TYPES).default('text'),
  options: z.array(z.object({ value: z.string(), label: z.string().default('') })).default([]),
  defaultValue: z.unknown().optional(),
  // Absent: none, as for a definition created without them.
  viewPermissions: z.array(z.string()).optional(),
  editPermissions: z.array(z.string()).optional(),
  // Absent: true, as for a definition created without it.
  editable: z.boolean().optional(),
});

const UserFixture = z.object({
  loginId: z.string().min(1),
  userId: z
    .string()
    .regex(/^[A-Za-z0-9]{1,64}$/, 'a user ID is letters and digits')
    .optional(),
  additionalLoginIds: z.array(z.string()).default([]),
  // '' is a snapshot's "no email" (else an email-shaped login ID would fill it on load).
  email: z.union([z.literal(''), z.email('invalid email')]).optional(),
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
  // What a snapshot must carry besides the above, so that a restored user loads back identical.
  recoveryEmail: z.union([z.literal(''), z.email('invalid email')]).optional(),
  verifiedRecoveryEmail: z.boolean().optional(),
  recoveryPhone: z.string().optional(),
  verifiedRecoveryPhone: z.boolean().optional(),
  /** Epoch milliseconds of the last change (the search time filters read it). */
  modifiedTime: z.number().int().nonnegative().optional(),
  consentExpiration: z.number().int().nonnegative().optional(),
  editable: z.boolean().optional(),
  TOTP: z.boolean().optional(),
  SAML: z.boolean().optional(),
  SCIM: z.boolean().optional(),
  OIDC: z.boolean().optional(),
  OAuth: z.record(z.string(), z.boolean()).optional(),
  webauthn: z.boolean().optional(),
  password: z.boolean().optional(),
  push: z.boolean().optional(),
  // Credentials no management call creates (src/seed/credentials.ts seeds them and sets the matching flags).
  passkeys: z.array(PasskeyFixture).optional(),
  trustedDevices: z.array(TrustedDeviceFixture).optional(),
  providerTokens: z.array(ProviderTokenFixture).optional(),
  loginHistory: z.array(LoginFixture).optional(),
  ...PasswordFixtureKeys,
});

/**
 * The project's signing key, pinned: a PEM private key, or a private JWK (a snapshot's, with its kid). Absent,
 * the project makes one on its first use, and a reset or restore keeps it.
 */
const SigningKeyFixture = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .superRefine((key, context) => {
    try {
      parseSigningKey(key);
    } catch (error) {
      if (!(error instanceof SigningKeyError)) throw error;
      context.addIssue({ code: 'custom', message: error.message });
    }
  });

/** Ten years: a bound on a token lifetime, far past any test's need. */
const MAX_TOKEN_TTL = 10 * 365 * 24 * 60 * 60;
const tokenTtl = z.number().int().min(1).max(MAX_TOKEN_TTL);

export const ProjectFixtureSchema = z.object({
  projectId: z.string().regex(PROJECT_ID_PATTERN, 'a project ID is 4 to 64 letters and digits'),
  name: z.string().default(''),
  managementKeys: z.array(z.string().min(1)).min(1, 'at least one management key'),
  /** Epoch seconds; absent, the seeding time. A snapshot carries it. */
  createdTime: z.number().int().nonnegative().optional(),
  permissions: z.array(PermissionFixture).default([]),
  roles: z.array(RoleFixture).default([]),
  tenants: z.array(TenantFixture).default([]),
  customAttributes: z.array(CustomAttributeFixture).default([]),
  users: z.array(UserFixture).default([]),
  accessKeys: z.array(AccessKeyFixture).default([]),
  signingKey: SigningKeyFixture.optional(),
  /** Seconds; absent, Descope's defaults (600 s and 28 days). */
  sessionTokenTtl: tokenTtl.optional(),
  refreshTokenTtl: tokenTtl.optional(),
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
function formatPath(path: readonly PropertyKey[]): string {
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

/** The demo set shipped with the package (src/ and dist/ both sit one level below the package root). */
const PACKAGED_DEMO = fileURLToPath(new URL('../fixtures/demo.json', import.meta.url));

/**
 * The default `fixtures/demo.json` is read from the working directory when it is there (a clone), else from
 * the installed package, so `npx descope-mock` run from any directory starts with the demo.
 */
function locate(path: string): string {
  return path === DEFAULT_FIXTURES && !existsSync(path) ? PACKAGED_DEMO : path;
}

/**
 * The largest fixture file read. The 100,000-user bench fixture is ~30 MB; past this size, parsing and
 * seeding would take minutes and gigabytes, which is a mistaken path far more often than a real fixture.
 */
export const MAX_FIXTURE_BYTES = 256 * 1024 * 1024;

export function readFixtureFile(path: string): FixtureFile {
  let text: string;
  try {
    const located = locate(path);
    // Checked before reading: /dev/zero or a FIFO never ends, and reading one grows without limit.
    const stats = statSync(located);
    if (!stats.isFile()) {
      throw new FixtureError(`${path}: not a regular file (--fixtures takes a JSON file, or none)`);
    }
    if (stats.size > MAX_FIXTURE_BYTES) {
      throw new FixtureError(
        `${path}: ${stats.size} bytes, over the ${MAX_FIXTURE_BYTES / 1024 / 1024} MiB limit of a fixture file (--fixtures)`,
      );
    }
    text = readFileSync(located, 'utf8');
  } catch (error) {
    if (error instanceof FixtureError) throw error;
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

/** A project in the fixture format, where the ID and keys may be left for the mock to make up. */
export const NewProjectSchema = ProjectFixtureSchema.partial({ projectId: true, managementKeys: true });
export type NewProject = z.infer<typeof NewProjectSchema>;
/** What a caller writes: every key with a default may be left out. */
export type NewProjectInput = z.input<typeof NewProjectSchema>;

export interface ProjectCredentials {
  projectId: string;
  managementKey: string;
}
