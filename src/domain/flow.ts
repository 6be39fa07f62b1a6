import { randomId } from './ids.js';

/**
 * Flows and themes (descope-mgmt-more.md §12) are opaque JSON: the mock stores what an import gives and
 * answers it back, with a new `etag` on every import. A flow is kept as the document flow/export answers.
 */
export interface FlowDocument {
  flow: { id: string; [key: string]: unknown };
  screens: Record<string, unknown>[];
  /** What flow/run answers instead of its input, set through the control plane (the mock's own). */
  output?: Record<string, unknown>;
}

export interface ThemeDocument {
  id?: string;
  cssTemplate?: unknown;
  [key: string]: unknown;
}

/** A new etag: an import changes it, whatever it changed. */
export const newEtag = (): string => randomId('', 20);

const defaultFlow = (id: string, name: string, description: string): FlowDocument => ({
  flow: {
    id,
    name,
    description,
    // Vendor behaviour (inferred): the DSL is Descope's own and unpublished; a placeholder stands for it.
    dsl: { metadata: { name, version: 1 }, contents: {}, references: {} },
    disabled: false,
    etag: `default-${id}`,
  },
  screens: [],
});

/**
 * Vendor behaviour (inferred): the flows a new project starts with (descope-mgmt-more.md §16 item 10); the
 * live service has more (python e2e sees `total > 0`). Sorted by ID, the order the mock lists flows in.
 */
export const DEFAULT_FLOWS: readonly FlowDocument[] = [
  defaultFlow('sign-in', 'Sign In', 'Sign in an existing user'),
  defaultFlow('sign-up', 'Sign Up', 'Sign up a new user'),
  defaultFlow('sign-up-or-in', 'Sign Up or In', 'Sign up a new user or sign in an existing one'),
  defaultFlow('step-up', 'Step Up', 'Step up the authentication of a signed-in user'),
  defaultFlow('update-user', 'Update User', "Update a signed-in user's details"),
];

/** Vendor behaviour (inferred): a new project's theme, its CSS left empty. */
export const DEFAULT_THEME: ThemeDocument = { id: 'theme', cssTemplate: {} };
