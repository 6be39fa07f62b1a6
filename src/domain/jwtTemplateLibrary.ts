import { invalid, missing } from '../errors.js';
import { buildJwtTemplate, checkedJwtTemplate, type JwtTemplateRecord } from './jwtTemplate.js';

/**
 * The JWT template library (jwt/templates/library/*): read-only starters a project copies into a template
 * of its own. Vendor behaviour (inferred): Descope's catalogue is not published; the mock ships three small
 * entries of the same shape (the claim values use the `{{…}}` placeholders of Descope's console), enough to
 * list, load and apply.
 */
export interface JwtTemplateLibraryEntry extends Omit<JwtTemplateRecord, 'source'> {
  experimental: boolean;
  logoLight: string;
  logoDark: string;
}

const entry = (
  fields: Pick<JwtTemplateRecord, 'id' | 'name' | 'description' | 'template' | 'tags'> &
    Partial<JwtTemplateRecord> & { experimental?: boolean },
): JwtTemplateLibraryEntry => {
  const { source: _, ...template } = buildJwtTemplate(fields, fields.id);
  return { ...template, experimental: fields.experimental ?? false, logoLight: '', logoDark: '' };
};

export const JWT_TEMPLATE_LIBRARY: readonly JwtTemplateLibraryEntry[] = [
  entry({
    id: 'hasura',
    name: 'Hasura',
    description: "Hasura's claims namespace: the user's roles as allowed roles",
    tags: ['hasura', 'graphql'],
    template: {
      'https://hasura.io/jwt/claims': {
        'x-hasura-user-id': '{{user.userId}}',
        'x-hasura-default-role': 'user',
        'x-hasura-allowed-roles': '{{user.roles}}',
      },
    },
  }),
  entry({
    id: 'supabase',
    name: 'Supabase',
    description: 'The role and email claims Supabase row-level security reads',
    tags: ['supabase', 'postgres'],
    template: { role: 'authenticated', email: '{{user.email}}' },
  }),
  entry({
    id: 'access-key-basic',
    name: 'Access key basics',
    description: "An access key's name and creator, for service-to-service calls",
    tags: ['access-key'],
    type: 'key',
    experimental: true,
    template: { keyName: '{{key.name}}', createdBy: '{{key.createdBy}}' },
  }),
];

export function requireLibraryEntry(id: string | undefined): JwtTemplateLibraryEntry {
  if (!id) throw missing('id');
  const found = JWT_TEMPLATE_LIBRARY.find((candidate) => candidate.id === id);
  if (!found) throw invalid(`JWT template library entry "${id}" does not exist`);
  return found;
}

export interface LibraryOverrides {
  nameOverride?: string;
  descriptionOverride?: string;
  tagsOverride?: string[];
  templateOverride?: Record<string, unknown>;
}

/**
 * library/apply: a new template from the entry, with the overrides, validated as a create. Vendor behaviour
 * (inferred): `templateOverride`'s claims are laid over the entry's (a claim it names replaces the entry's),
 * and the template's `source` names the entry it came from (`library:<id>`).
 */
export function templateFromLibrary(libraryEntry: JwtTemplateLibraryEntry, overrides: LibraryOverrides) {
  const { experimental: _, logoLight: __, logoDark: ___, id, ...fields } = libraryEntry;
  return checkedJwtTemplate(
    buildJwtTemplate({
      ...fields,
      name: overrides.nameOverride || fields.name,
      description: overrides.descriptionOverride ?? fields.description,
      tags: overrides.tagsOverride ?? fields.tags,
      template: { ...fields.template, ...overrides.templateOverride },
      source: `library:${id}`,
    }),
  );
}
