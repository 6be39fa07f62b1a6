// The vitest globalSetup of docs/harness.md, as a user would paste it: one mock for the whole run.
import { startDescopeMock } from 'descope-mock';

export default async function setup(project: { provide(key: 'descopeMockUrl', value: string): void }) {
  const mock = await startDescopeMock();
  project.provide('descopeMockUrl', mock.url);
  return () => mock.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    descopeMockUrl: string;
  }
}
