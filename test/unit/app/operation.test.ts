import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation, type Operation, runOperation, type Services } from '../../../src/app/operation.js';
import { ConfigSchema } from '../../../src/config.js';
import { NO_CALLER } from '../../../src/domain/caller.js';
import { DescopeError } from '../../../src/errors.js';
import { createHarness } from '../../../src/harness/index.js';
import { openStore, type Store } from '../../../src/store/index.js';

const Answer = z.object({ name: z.string(), tags: z.array(z.string()).optional() });

let store: Store | undefined;
afterEach(() => store?.close());

function services(): Services {
  store = openStore(':memory:');
  const config = ConfigSchema.parse({ fixtures: 'none' });
  return { store, config, now: () => 0, harness: createHarness(config) };
}

const operation = (method: 'GET' | 'POST', handler: Operation['handler'], readOnly?: boolean): Operation =>
  defineOperation({
    method,
    path: '/v1/mgmt/example',
    sdkMethods: [],
    summary: 'example',
    operationId: 'Example',
    tag: 'Example',
    response: Answer,
    ...(readOnly === undefined ? {} : { readOnly }),
    handler: handler as never,
  });

const run = (op: Operation, s: Services, check = true) =>
  runOperation(
    op,
    {
      body: {},
      query: {},
      projectId: 'P2',
      services: s,
      caller: NO_CALLER,
      cookies: [],
      actorId: '',
      remoteAddress: '',
    },
    check,
  );

describe('runOperation', () => {
  it('runs a write in one transaction and a read without one', () => {
    const s = services();
    const seen: boolean[] = [];
    const spy = () => {
      seen.push(s.store.db.inTransaction);
      return { name: 'a' };
    };
    run(operation('POST', spy), s);
    run(operation('GET', spy), s);
    run(operation('POST', spy, true), s);
    run(operation('GET', spy, false), s);
    expect(seen).toEqual([true, false, false, true]);
  });

  it('rolls a failed write back whole', () => {
    const s = services();
    const failing = operation('POST', () => {
      s.store.db.exec('CREATE TABLE scratch (x); INSERT INTO scratch VALUES (1)');
      throw new DescopeError('BAD_REQUEST', 'no');
    });
    expect(() => run(failing, s)).toThrow(DescopeError);
    const table = s.store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'scratch'").get();
    expect(table).toBeUndefined();
  });

  it('refuses, when checking, an answer with a field outside the schema or a wrong type', () => {
    const s = services();
    const extra = operation('GET', () => ({ name: 'a', secret: 'x' }));
    const wrong = operation('GET', () => ({ name: 1 }));
    const missing = operation('GET', () => ({ tags: [] }));
    for (const op of [extra, wrong, missing]) {
      expect(() => run(op, s)).toThrow(/answered outside its response schema/);
      // Without checking (production), the answer goes out as the handler made it.
      expect(run(op, s, false)).toBeDefined();
    }
    expect(
      run(
        operation('GET', () => ({ name: 'a', tags: ['x'] })),
        s,
      ),
    ).toEqual({ name: 'a', tags: ['x'] });
  });

  it('ties the handler’s answer to the response schema at compile time', () => {
    const declared = defineOperation({
      method: 'GET',
      path: '/v1/mgmt/example',
      sdkMethods: [],
      summary: 'example',
      operationId: 'Example',
      tag: 'Example',
      response: Answer,
      // @ts-expect-error: `name` must be a string
      handler: () => ({ name: 1 }),
    });
    expect(declared.response).toBe(Answer);
  });
});
