import {
  buildJwtTemplate,
  checkedJwtTemplate,
  type JwtTemplateRecord,
  jwtTemplateIssues,
} from '../domain/jwtTemplate.js';
import {
  JWT_TEMPLATE_LIBRARY,
  requireLibraryEntry,
  templateFromLibrary,
} from '../domain/jwtTemplateLibrary.js';
import { invalid, missing } from '../errors.js';
import type {
  ApplyJwtTemplateFromLibraryBody,
  JwtTemplateBody,
  JwtTemplateIdBody,
  JwtTemplateLibraryEntryResponse,
  JwtTemplateLibraryResponse,
  JwtTemplateResponse,
  JwtTemplatesResponse,
  ValidateJwtTemplateBody,
  ValidateJwtTemplateResponse,
} from '../schemas/jwtTemplate.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Store } from '../store/index.js';
import type { Services } from './operation.js';

/**
 * JWT templates (descope-mgmt-more.md §13): stored and linted, not applied to the mock's tokens.
 * Vendor behaviour (inferred): an unknown template ID is a bad argument (400 E011004), as for the other
 * management objects (./lookup.ts).
 */

function requireTemplate(store: Store, projectId: string, id: string | undefined): JwtTemplateRecord {
  if (!id) throw missing('id');
  const template = store.jwtTemplates.find(projectId, id);
  if (!template) throw invalid(`JWT template "${id}" does not exist`);
  return template;
}

export function createJwtTemplate(
  services: Services,
  projectId: string,
  body: JwtTemplateBody,
): JwtTemplateResponse {
  if (!body.template) throw missing('template');
  const { id: _, ...fields } = body.template;
  const template = checkedJwtTemplate(buildJwtTemplate(fields));
  services.store.jwtTemplates.save(projectId, template);
  return { template };
}

/**
 * Replaces every field of the template `template.id` names; on a failed validation it stays unchanged.
 * Vendor behaviour (inferred): a field left out takes its default, as a role or tenant update overrides all.
 */
export function updateJwtTemplate(
  services: Services,
  projectId: string,
  body: JwtTemplateBody,
): JwtTemplateResponse {
  const { store } = services;
  if (!body.template) throw missing('template');
  const current = requireTemplate(store, projectId, body.template.id);
  const template = checkedJwtTemplate(buildJwtTemplate(body.template, current.id));
  store.jwtTemplates.save(projectId, template);
  return { template };
}

export function deleteJwtTemplate(
  services: Services,
  projectId: string,
  body: JwtTemplateIdBody,
): VoidResponse {
  const { store } = services;
  store.jwtTemplates.delete(projectId, requireTemplate(store, projectId, body.id).id);
  return {};
}

export const loadJwtTemplate = (
  services: Services,
  projectId: string,
  body: JwtTemplateIdBody,
): JwtTemplateResponse => ({
  template: requireTemplate(services.store, projectId, body.id),
});

export const listJwtTemplates = (services: Services, projectId: string): JwtTemplatesResponse => ({
  templates: services.store.jwtTemplates.all(projectId),
});

/**
 * A dry run, always 200: the inline `template` when given (over the stored one's fields when `id` names
 * one), else the stored template `id` names. Vendor behaviour (inferred): neither, or an unknown `id` alone,
 * is an answer with one issue (TEMPLATE_NOT_FOUND), not an error.
 */
export function validateJwtTemplate(
  services: Services,
  projectId: string,
  body: ValidateJwtTemplateBody,
): ValidateJwtTemplateResponse {
  const stored = body.id ? services.store.jwtTemplates.find(projectId, body.id) : undefined;
  if (!body.template && !stored) {
    const issue = {
      field: 'id',
      code: 'TEMPLATE_NOT_FOUND',
      message: body.id ? `JWT template "${body.id}" does not exist` : 'No template or template ID was given',
      hint: 'Pass the template to validate, or the ID of a saved one',
    };
    return { valid: false, issues: [issue] };
  }
  const candidate = body.template
    ? buildJwtTemplate({ ...stored, ...body.template })
    : (stored as JwtTemplateRecord);
  const issues = jwtTemplateIssues(candidate);
  return { valid: issues.length === 0, issues };
}

export const listJwtTemplateLibrary = (): JwtTemplateLibraryResponse => ({
  entries: [...JWT_TEMPLATE_LIBRARY],
});

export const loadJwtTemplateLibraryEntry = (body: JwtTemplateIdBody): JwtTemplateLibraryEntryResponse => ({
  entry: requireLibraryEntry(body.id),
});

export function applyJwtTemplateFromLibrary(
  services: Services,
  projectId: string,
  body: ApplyJwtTemplateFromLibraryBody,
): JwtTemplateResponse {
  if (!body.libraryEntryId) throw missing('libraryEntryId');
  const template = templateFromLibrary(requireLibraryEntry(body.libraryEntryId), body);
  services.store.jwtTemplates.save(projectId, template);
  return { template };
}
