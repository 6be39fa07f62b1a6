import { expect } from 'vitest';
import type { NewProjectInput } from '../../src/fixtures/schema.js';
import type { Sdk, TestMock } from './mock.js';

/**
 * A project made through the control plane from `fixture`, its SDK, and the checks every module with state
 * of its own makes: a snapshot restores what the SDK reads, and the state goes with the project.
 */
export async function seededProject(mock: TestMock, fixture: NewProjectInput) {
  const created = await mock.control('POST', '/_mock/projects', fixture);
  expect(created.status).toBe(201);
  const { projectId } = created.body as { projectId: string; managementKey: string };
  return { projectId, sdk: mock.sdk(created.body) };
}

/**
 * Reads the state, snapshots it, lets `change` alter it, restores the snapshot: the state reads back as it
 * was, and a second snapshot is the same document. Answers the snapshot.
 */
export async function expectSnapshotRoundTrip(
  mock: TestMock,
  projectId: string,
  read: () => Promise<unknown>,
  change: () => Promise<void>,
): Promise<Record<string, unknown>> {
  const before = await read();
  const snapshot = await mock.control('GET', `/_mock/projects/${projectId}/snapshot`);
  expect(snapshot.status).toBe(200);
  await change();
  expect(await read()).not.toEqual(before);
  expect((await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot.body)).status).toBe(
    200,
  );
  expect(await read()).toEqual(before);
  const again = await mock.control('GET', `/_mock/projects/${projectId}/snapshot`);
  expect(JSON.stringify(again.body)).toBe(JSON.stringify(snapshot.body));
  return snapshot.body;
}

/** Deletes the project and makes a bare one of the same ID: `read` through `sdk` must answer `empty`. */
export async function expectGoneWithProject(
  mock: TestMock,
  projectId: string,
  read: (sdk: Sdk) => Promise<unknown>,
  empty: unknown,
): Promise<void> {
  expect((await mock.control('DELETE', `/_mock/projects/${projectId}`)).status).toBe(200);
  const { sdk } = await seededProject(mock, { projectId });
  expect(await read(sdk)).toEqual(empty);
}
