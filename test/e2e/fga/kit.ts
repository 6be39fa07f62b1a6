import { expect } from 'vitest';
import type { Sdk, TestMock } from '../../helpers/mock.js';

/** A fresh project (through the control plane) with the fixture keys given, and an SDK client for it. */
export async function freshProject(
  mock: TestMock,
  seed: Record<string, unknown> = {},
): Promise<{ sdk: Sdk; projectId: string }> {
  const created = await mock.control('POST', '/_mock/projects', seed);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { sdk: mock.sdk(created.body), projectId: created.body.projectId };
}

/** DSL text from its lines, after the header. */
export const dsl = (...lines: string[]): string => ['model AuthZ 1.0', '', ...lines].join('\n');

/** `doc:d1#viewer@user:u1` as a tuple (`group:g1#member` as a target set). */
export function tuple(text: string) {
  const [resourcePart = '', targetPart = ''] = text.split('@');
  const [resourceSide = '', relation = ''] = resourcePart.split('#');
  const [resourceType = '', resource = ''] = resourceSide.split(':');
  const [targetSide = '', targetRelation] = targetPart.split('#');
  const [targetType = '', target = ''] = targetSide.split(':');
  return {
    resourceType,
    resource,
    relation,
    targetType: targetRelation ? `${targetType}#${targetRelation}` : targetType,
    target,
  };
}

export const tuples = (...texts: string[]) => texts.map(tuple);

/** The DSL documents/folders/orgs schema most tests share. */
export const DOCS_SCHEMA = dsl(
  'type user',
  'type group',
  '  relation member: user',
  'type org',
  '  relation member: user | group#member',
  '  permission viewer: member',
  'type folder',
  '  relation org: org',
  '  relation parent: folder',
  '  relation viewer: user | group#member',
  '  permission can_view: viewer | parent.can_view | org.viewer',
  'type doc',
  '  relation folder: folder',
  '  relation owner: user',
  '  relation viewer: user | group#member',
  '  relation banned: user',
  '  relation approver: user',
  '  relation reviewer: user',
  '  permission can_view: (owner | viewer | folder.can_view) - banned',
  '  permission can_approve: approver & reviewer',
);
