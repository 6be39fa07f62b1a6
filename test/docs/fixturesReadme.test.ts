import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FixtureFileSchema } from '../../src/fixtures/schema.js';

const README = readFileSync(new URL('../../fixtures/README.md', import.meta.url), 'utf8');

/** Every object key of the schema, nested ones included (`users[].passkeys[].rpId` → `rpId`). */
function keysOf(schema: z.ZodType, into = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === 'object') {
    for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      into.add(key);
      keysOf(child, into);
    }
  } else if (def.type === 'array') {
    keysOf(def.element as z.ZodType, into);
  } else if (def.innerType) {
    keysOf(def.innerType as z.ZodType, into);
  }
  return into;
}

describe('fixtures/README.md', () => {
  it('documents every key of the fixture format', () => {
    const keys = [...keysOf(FixtureFileSchema)];
    expect(keys.length).toBeGreaterThan(80);
    const undocumented = keys.filter(
      (key) => !README.includes(`\`${key}\``) && !README.includes(`\`${key}[]\``),
    );
    expect(undocumented).toEqual([]);
  });
});
