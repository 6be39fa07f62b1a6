import type { z } from 'zod';
import { refuseReservedKey } from '../domain/reservedKeys.js';

/**
 * Reads a request body (or query) the way Descope's grpc-gateway reads proto3 JSON, before zod validates it:
 * - `null` means "not set" at every depth (descope-api.md 1.6): a message field that is null is dropped.
 *   Maps (zod records: `customAttributes`, `customClaims`…) keep their nulls, where null is a value
 *   ("remove this attribute" on patch), and list items stay as sent (zod refuses a null where it matters).
 * - A field may be spelled with its proto name (snake_case, `given_name`) as well as its JSON name
 *   (`givenName`): proto3 JSON parsers accept both. Only keys the schema declares are renamed, never the
 *   keys of a map.
 * - A map's keys become object properties: the reserved names (`__proto__`, `constructor`, `prototype`) are
 *   refused with E011004.
 * The walk follows the schema, precomputed once per schema; it copies only what it changes, so the body
 * the journal keeps stays as it was sent, and a body with nothing to change is returned as it is.
 */
export type Normaliser = (value: unknown) => unknown;

export interface NormaliserOptions {
  /** Accept proto (snake_case) names: Descope's API yes, the mock's own control plane no. */
  aliases: boolean;
}

/** The normaliser of one schema; the identity when the schema has nothing to walk. */
export function normaliserOf(schema: z.ZodType, options: NormaliserOptions): Normaliser {
  return walkOf(schema, options, 'body') ?? identity;
}

/**
 * A field's proto name from its JSON name: `givenName` → `given_name`, `ssoAppIDs` → `sso_app_ids`,
 * `sendSMS` → `send_sms`. Vendor behaviour (inferred): Descope's proto names follow the proto style guide
 * (lower snake_case), from which its JSON names are derived.
 */
export const protoName = (jsonName: string): string =>
  jsonName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

const identity: Normaliser = (value) => value;
/** Marks a key to leave out of the copy. */
const DROP = Symbol('drop');

/** The parts of zod's definitions the walk reads. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  in?: z.ZodType;
}
const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

/** Schemas that wrap another without changing the shape of the value. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Object walks per schema (shared schemas are compiled once), one cache per option set. */
const objectWalks = {
  aliases: new WeakMap<z.ZodType, Normaliser>(),
  plain: new WeakMap<z.ZodType, Normaliser>(),
};

/** The walk for a value of `schema`, or undefined when there is nothing to do (scalars, free-form values). */
function walkOf(schema: z.ZodType, options: NormaliserOptions, field: string): Normaliser | undefined {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return walkOf(def.innerType as z.ZodType, options, field);
  switch (def.type) {
    case 'pipe':
      return walkOf(def.in as z.ZodType, options, field);
    case 'lazy':
      // zod resolves a lazy schema once and keeps it: the same object schema, so a cycle meets the cache.
      return walkOf((schema._zod as unknown as { innerType: z.ZodType }).innerType, options, field);
    case 'object':
      return objectWalk(schema, def, options);
    case 'record':
      return recordWalk(walkOf(def.valueType as z.ZodType, options, field), field);
    case 'array': {
      const item = walkOf(def.element as z.ZodType, options, field);
      return item && arrayWalk(item);
    }
    case 'union':
      // The first shaped option: the request schemas' unions are of scalars (an int64 as number or string).
      for (const option of def.options ?? []) {
        const walk = walkOf(option, options, field);
        if (walk) return walk;
      }
      return undefined;
    default:
      return undefined;
  }
}

const isMessage = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Copy-on-write over an object's keys: `step` answers the key and value to keep (or DROP); the copy is made
 * at the first change, so an object with nothing to change comes back as it is.
 */
function rewriteKeys(
  value: Record<string, unknown>,
  step: (key: string, inner: unknown) => [string, unknown] | typeof DROP,
): Record<string, unknown> {
  const keys = Object.keys(value);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as string;
    const inner = value[key];
    const next = step(key, inner);
    if (out === undefined) {
      if (next !== DROP && next[0] === key && next[1] === inner) continue;
      out = {};
      for (let j = 0; j < i; j += 1) out[keys[j] as string] = value[keys[j] as string];
    }
    if (next !== DROP) out[next[0]] = next[1];
  }
  return out ?? value;
}

function objectWalk(schema: z.ZodType, def: Def, options: NormaliserOptions): Normaliser {
  const cache = options.aliases ? objectWalks.aliases : objectWalks.plain;
  const cached = cache.get(schema);
  if (cached) return cached;
  // A placeholder first, so a schema that contains itself (through z.lazy) compiles.
  let walk: Normaliser = identity;
  cache.set(schema, (value) => walk(value));

  const fields = new Map<string, Normaliser | undefined>();
  const aliases = new Map<string, string>();
  for (const [key, fieldSchema] of Object.entries(def.shape ?? {})) {
    fields.set(key, walkOf(fieldSchema, options, key));
  }
  if (options.aliases) {
    for (const key of fields.keys()) {
      const alias = protoName(key);
      // Two JSON names with one proto name (ssoAppIds, ssoAppIDs): the first declared takes it.
      if (alias !== key && alias.includes('_') && !fields.has(alias) && !aliases.has(alias)) {
        aliases.set(alias, key);
      }
    }
  }
  const catchall =
    def.catchall && defOf(def.catchall).type !== 'never' ? walkOf(def.catchall, options, 'body') : undefined;

  walk = (value) => {
    if (!isMessage(value)) return value;
    return rewriteKeys(value, (key, inner) => {
      let name = key;
      let inside = fields.get(key);
      if (inside === undefined && !fields.has(key)) {
        // Never copied onto an object (it would set the copy's prototype); a body cannot hold one
        // (src/http/body.ts), a query string can, and it names no field.
        if (key === '__proto__') return DROP;
        const jsonName = aliases.get(key);
        if (jsonName === undefined) {
          inside = catchall;
        } else {
          // Vendor behaviour (inferred): with both spellings present, the JSON name wins (Go's protojson
          // would refuse the duplicate; no SDK sends both).
          if (Object.hasOwn(value, jsonName)) return DROP;
          name = jsonName;
          inside = fields.get(jsonName);
        }
      }
      if (inner === null) return DROP;
      return [name, inside ? inside(inner) : inner];
    });
  };
  cache.set(schema, walk);
  return walk;
}

function recordWalk(values: Normaliser | undefined, field: string): Normaliser {
  return (value) => {
    if (!isMessage(value)) return value;
    return rewriteKeys(value, (key, inner) => {
      refuseReservedKey(key, field);
      return [key, values && inner !== null ? values(inner) : inner];
    });
  };
}

function arrayWalk(item: Normaliser): Normaliser {
  return (value) => {
    if (!Array.isArray(value)) return value;
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const inner = value[i];
      const next = inner === null ? inner : item(inner);
      if (out === undefined) {
        if (next === inner) continue;
        out = value.slice(0, i);
      }
      out.push(next);
    }
    return out ?? value;
  };
}
