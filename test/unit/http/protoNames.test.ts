import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { compileValidator } from '../../../src/http/compilers.js';
import { protoName } from '../../../src/http/normalise.js';
import { OPERATIONS } from '../../../src/routes/registry.js';

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
}
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/**
 * A value the schema accepts, with every field of every object filled (one item per list, one map entry).
 * A recursive schema (authz's expression nodes hold child nodes) stops at its optional fields past a depth.
 */
function sampleOf(schema: z.ZodType, depth = 0): unknown {
  const def = defOf(schema);
  const deeper = (inner: z.ZodType) => sampleOf(inner, depth + 1);
  switch (def.type) {
    case 'optional':
      return depth > 12 ? undefined : deeper(def.innerType as z.ZodType);
    case 'nullable':
    case 'default':
    case 'prefault':
      return deeper(def.innerType as z.ZodType);
    case 'pipe':
      return deeper(def.in as z.ZodType);
    case 'union':
      return deeper((def.options as z.ZodType[])[0] as z.ZodType);
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {})
          .map(([key, inner]) => [key, deeper(inner)])
          .filter(([, value]) => value !== undefined),
      );
    case 'array':
      return [deeper(def.element as z.ZodType)];
    case 'record':
      return { entry: deeper(def.valueType as z.ZodType) };
    case 'boolean':
      return true;
    case 'number':
      return 7;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    default:
      return 'sample';
  }
}

/** The object schema inside an optional body (the searches accept none). */
const objectOf = (schema: z.ZodType): z.ZodType =>
  defOf(schema).type === 'optional' ? objectOf(defOf(schema).innerType as z.ZodType) : schema;
const withBody = OPERATIONS.filter(
  (operation) => operation.body && defOf(objectOf(operation.body)).type === 'object',
);

describe('every operation accepts the proto (snake_case) names of its fields', () => {
  it('covers every operation with a body (history alone sends a bare list, which has no field names)', () => {
    const bare = OPERATIONS.filter((operation) => operation.body && !withBody.includes(operation));
    expect(bare.map((operation) => operation.path)).toEqual(['/v1/mgmt/user/history']);
    expect(withBody.length).toBeGreaterThan(60);
  });

  it.each(withBody.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    '%s: a body in proto names reads as the same body in JSON names',
    (_name, operation) => {
      const schema = operation.body as z.ZodType;
      const validate = compileValidator({
        schema,
        method: operation.method,
        url: operation.path,
        httpPart: 'body',
      });
      const sample = sampleOf(objectOf(schema)) as Record<string, unknown>;
      const jsonNames: Record<string, unknown> = {};
      const protoNames: Record<string, unknown> = {};
      const taken = new Set<string>();
      for (const [key, value] of Object.entries(sample)) {
        const proto = protoName(key);
        // A second JSON name with the same proto name (ssoAppIDs beside ssoAppIds) is only an alias.
        if (proto === key || !proto.includes('_') || taken.has(proto)) continue;
        taken.add(proto);
        jsonNames[key] = value;
        protoNames[proto] = value;
      }
      const expected = validate(jsonNames);
      expect(expected.error).toBeUndefined();
      const actual = validate(protoNames);
      expect(actual.error).toBeUndefined();
      expect(actual.value).toEqual(expected.value);
      // The fields really arrived (an unknown key would be dropped on both sides alike).
      for (const key of Object.keys(jsonNames)) {
        expect(actual.value).toHaveProperty([key]);
      }
    },
  );
});
