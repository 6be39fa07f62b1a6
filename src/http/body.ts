import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DescopeError, invalid } from '../errors.js';

type Done = (error: Error | null, body?: unknown) => void;
type StringParser = (request: FastifyRequest, body: string, done: Done) => void;

/**
 * Request bodies are read as JSON whatever their content type.
 * Vendor behaviour (inferred): Descope's grpc-gateway decodes any body with its default JSON marshaler, and an
 * empty body decodes as an empty message (so a missing key then reads as "required", not "malformed").
 * A `__proto__` key (or a `constructor` object holding `prototype`), at any depth, refuses the whole body
 * (E011004): such a key never reaches an object, and is not silently lost either (src/domain/reservedKeys.ts).
 */
export function installBodyParser(app: FastifyInstance): void {
  const secureParse = app.getDefaultJsonParser('error', 'error') as unknown as StringParser;
  app.removeAllContentTypeParsers();
  const parse = (request: FastifyRequest, body: string | Buffer, done: Done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, {});
    secureParse(request, text, (error, value) => {
      if (error) return done(malformed(text));
      if (nestedTooDeep(value)) {
        return done(
          new DescopeError(
            'BAD_REQUEST',
            `Request is malformed: JSON nested deeper than ${MAX_DEPTH} levels`,
          ),
        );
      }
      done(null, value);
    });
  };
  // The same parser under the type every SDK sends too: Fastify caches the parser it finds for a type, but
  // not the catch-all, so a JSON body would otherwise have its Content-Type parsed on every request.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parse);
  app.addContentTypeParser('*', { parseAs: 'string' }, parse);
}

/**
 * Vendor behaviour (inferred): protobuf's JSON decoder refuses input nested past its recursion limit. The mock's
 * limit is far lower, because storing a value means JSON.stringify, whose recursion overflows the stack at
 * a few thousand levels: a deeper body would otherwise end as a 500.
 */
const MAX_DEPTH = 256;

/**
 * True when containers nest more than `remaining` levels. The recursion stops at the limit, so it cannot
 * overflow itself; it visits each value once (about 25 ms for a 4 MiB batch).
 */
function nestedTooDeep(value: unknown, remaining = MAX_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (remaining === 0) return true;
  if (Array.isArray(value)) return value.some((item) => nestedTooDeep(item, remaining - 1));
  for (const key in value) {
    if (nestedTooDeep((value as Record<string, unknown>)[key], remaining - 1)) return true;
  }
  return false;
}

/**
 * Names what is wrong with the body, as JSON.parse words it (`Unexpected end of JSON input`); JSON that
 * parses was refused for a reserved key.
 */
function malformed(text: string): DescopeError {
  try {
    JSON.parse(text);
  } catch (error) {
    return new DescopeError(
      'BAD_REQUEST',
      `Request is malformed: the body is not valid JSON: ${(error as Error).message}`,
    );
  }
  return invalid(
    'The request body cannot use the key "__proto__" (nor "constructor.prototype"): it is reserved',
  );
}
