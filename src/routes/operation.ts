import type { z } from 'zod';
import type { Config } from '../config.js';
import type { Harness } from '../harness/index.js';
import type { Store } from '../store/index.js';

/** What a handler may use: the store, the clock, the configuration and the harness. */
export interface Services {
  store: Store;
  config: Config;
  /** Epoch milliseconds; one clock for the whole server, so tests can pin it. */
  now(): number;
  /** The control plane's request journal and injected faults. */
  harness: Harness;
}

export interface OperationInput<Body, Query> {
  body: Body;
  query: Query;
  projectId: string;
  services: Services;
}

/**
 * One emulated Descope operation: its literal method and path, the SDK methods that call it, its zod
 * schemas and a handler of a few lines. The registry (registry.ts) lists every one, and the server, the
 * OpenAPI document and the endpoint table (docs/endpoints.md) are all built from that list.
 */
export interface Operation<Body extends z.ZodType = z.ZodType, Query extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** `@descope/node-sdk` methods that call this path, as `management.user.updateDisplayName`. */
  sdkMethods: string[];
  summary: string;
  /** Descope's operationId where its published spec has one. */
  operationId: string;
  tag: string;
  body?: Body;
  query?: Query;
  response: z.ZodType;
  handler(input: OperationInput<z.output<Body>, z.output<Query>>): unknown;
}

/** Typed constructor: infers the handler's body and query types from the schemas. */
export function defineOperation<
  Body extends z.ZodType = z.ZodUnknown,
  Query extends z.ZodType = z.ZodUnknown,
>(operation: Operation<Body, Query>): Operation {
  return operation as unknown as Operation;
}
