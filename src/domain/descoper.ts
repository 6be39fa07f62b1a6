import { invalid, missing } from '../errors.js';
import { randomId } from './ids.js';

/** Descopers: the people of the Descope console (descope-mgmt-more.md §14). */

export type DescoperRole = 'admin' | 'developer' | 'support' | 'auditor';

export interface DescoperAttributes {
  displayName: string;
  email: string;
  phone: string;
}

export interface DescoperRbac {
  isCompanyAdmin: boolean;
  tags: { tags: string[]; role: string }[];
  projects: { projectIds: string[]; role: string }[];
}

/** The wire record. `loginIDs` is spelled as the spec and the Go SDK spell it (the Node type says loginIds). */
export interface DescoperRecord {
  id: string;
  loginIDs: string[];
  attributes: DescoperAttributes;
  rbac: DescoperRbac;
  status: string;
}

export interface DescoperInput {
  loginId?: string;
  attributes?: Partial<DescoperAttributes>;
  sendInvite?: boolean;
  rbac?: { isCompanyAdmin?: boolean; tags?: { tags?: string[]; role?: string }[]; projects?: RbacProject[] };
}
type RbacProject = { projectIds?: string[]; role?: string };

const ROLES = new Set<string>(['admin', 'developer', 'support', 'auditor']);

function checkRole(role: string | undefined, where: string): string {
  if (role === undefined || role === '') return '';
  if (!ROLES.has(role))
    throw invalid(`${where}: role "${role}" is not one of admin, developer, support, auditor`);
  return role;
}

export function cleanRbac(rbac: DescoperInput['rbac'], current?: DescoperRbac): DescoperRbac {
  if (!rbac) return current ?? { isCompanyAdmin: false, tags: [], projects: [] };
  return {
    isCompanyAdmin: rbac.isCompanyAdmin ?? false,
    tags: (rbac.tags ?? []).map((tag, i) => ({
      tags: tag.tags ?? [],
      role: checkRole(tag.role, `rbac.tags[${i}]`),
    })),
    projects: (rbac.projects ?? []).map((project, i) => ({
      projectIds: project.projectIds ?? [],
      role: checkRole(project.role, `rbac.projects[${i}]`),
    })),
  };
}

const cleanAttributes = (
  attributes: Partial<DescoperAttributes> | undefined,
  current?: DescoperAttributes,
): DescoperAttributes => ({
  displayName: attributes?.displayName ?? current?.displayName ?? '',
  email: attributes?.email ?? current?.email ?? '',
  phone: attributes?.phone ?? current?.phone ?? '',
});

/**
 * descoper/create, one entry. The spec says the login ID is an email for now. Vendor behaviour (inferred):
 * a login ID without "@" is refused (400); the status is "invited" when an invite is sent, else "enabled";
 * the email attribute defaults to the login ID.
 */
export function buildDescoper(input: DescoperInput, where: string): DescoperRecord {
  const loginId = input.loginId?.trim();
  if (!loginId) throw missing(`${where}.loginId`);
  if (!loginId.includes('@')) throw invalid(`${where}.loginId must be an email address, not "${loginId}"`);
  const attributes = cleanAttributes(input.attributes);
  return {
    id: randomId('U2'),
    loginIDs: [loginId],
    attributes: { ...attributes, email: attributes.email || loginId },
    rbac: cleanRbac(input.rbac),
    status: input.sendInvite ? 'invited' : 'enabled',
  };
}

/** descoper/update: what is sent replaces what was; an omitted attributes or rbac is kept. */
export function updateDescoper(
  current: DescoperRecord,
  attributes: Partial<DescoperAttributes> | undefined,
  rbac: DescoperInput['rbac'],
): DescoperRecord {
  return {
    ...current,
    attributes: cleanAttributes(attributes, current.attributes),
    rbac: cleanRbac(rbac, current.rbac),
  };
}
