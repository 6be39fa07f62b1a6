// The vitest globalSetup of the README's "A complete vitest setup", exactly as a user pastes it: one mock for
// the whole run.
import { startDescopeMock } from 'descope-mock';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  const mock = await startDescopeMock();
  project.provide('descopeMockUrl', mock.url);
  return () => mock.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    descopeMockUrl: string;
  }
}
