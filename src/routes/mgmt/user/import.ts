import { z } from 'zod';
import { defineOperation, type Services } from '../../../app/operation.js';
import { refuseReservedKey } from '../../../domain/reservedKeys.js';
import { toWireUser } from '../../../domain/wire.js';
import { DescopeError, invalid, missing } from '../../../errors.js';
import { normaliserOf } from '../../../http/normalise.js';
import { UserSchema } from '../../../schemas/user.js';
import { attributesOf, BatchUserItem } from './lifecycleSchemas.js';
import { insertNewUser, selectorOf } from './mutate.js';

/**
 * User import (descope-api.md 4.12). Descope takes the source system's export as bytes (base64 on the wire)
 * and does not publish the formats it reads.
 * Vendor behaviour (inferred): the mock reads one format whatever the `source`: `users` is the base64 of a
 * JSON array of users shaped like create/batch's (loginId, email, phone, displayName, roleNames,
 * userTenants, customAttributes, password, hashedPassword, seed, status, createdTime, test…), and `hashes`
 * the base64 of a JSON object from a login ID to that user's `hashedPassword`.
 */
const tag = 'User';

const ImportBody = z.object({
  source: z.string().optional(),
  users: z.string().optional().describe('base64 of a JSON array of users'),
  hashes: z.string().optional().describe('base64 of a JSON object: login ID → hashedPassword'),
  dryrun: z.boolean().optional(),
});
type ImportBody = z.infer<typeof ImportBody>;

const ImportResponse = z.object({
  users: z.array(UserSchema),
  failures: z.array(z.object({ user: z.string(), reason: z.string() })),
});
type ImportResponse = z.infer<typeof ImportResponse>;

/**
 * The JSON a base64 field holds; E011004 naming the field when it is not base64 of JSON, or when it holds a
 * `__proto__` key (refused as in a request body: src/http/body.ts).
 */
function decoded(field: string, value: string): unknown {
  const text = Buffer.from(value, 'base64').toString('utf8');
  let reserved = false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, inner) => {
      if (key === '__proto__') reserved = true;
      return inner;
    });
  } catch {
    throw invalid(`The ${field} field must be base64 of a JSON document`);
  }
  if (reserved) refuseReservedKey('__proto__', field);
  return parsed;
}

const normaliseItem = normaliserOf(BatchUserItem, { aliases: true });

/**
 * An import file's user, read as a create/batch item on the wire is: proto3 JSON (src/http/normalise.ts).
 * A refusal (a reserved key) is that user's failure, reported under its login ID.
 */
function normalisedItem(raw: unknown): { item: unknown; refusal?: DescopeError } {
  try {
    return { item: normaliseItem(raw) };
  } catch (error) {
    if (!(error instanceof DescopeError)) throw error;
    return { item: raw, refusal: error };
  }
}

/** Thrown to roll back a dry run once every user has been checked and written. */
class DryRun {
  constructor(readonly result: ImportResponse) {}
}

function importUsers(services: Services, projectId: string, body: ImportBody): ImportResponse {
  if (!body.users) throw missing('users');
  const items = decoded('users', body.users);
  if (!Array.isArray(items)) throw invalid('The users field must be base64 of a JSON array of users');
  const hashes = body.hashes ? decoded('hashes', body.hashes) : {};
  if (typeof hashes !== 'object' || hashes === null || Array.isArray(hashes)) {
    throw invalid('The hashes field must be base64 of a JSON object');
  }
  const { store } = services;
  try {
    return store.transaction(() => {
      const result = writeAll(services, projectId, items, hashes as Record<string, unknown>);
      // A dry run checks and writes everything (so duplicates inside the file are found), then rolls back.
      if (body.dryrun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

function writeAll(
  services: Services,
  projectId: string,
  items: unknown[],
  hashes: Record<string, unknown>,
): ImportResponse {
  const { store } = services;
  const catalog = store.catalog.forProject(projectId);
  const result: ImportResponse = { users: [], failures: [] };
  items.forEach((raw, index) => {
    const { item, refusal } = normalisedItem(raw);
    const parsed = BatchUserItem.safeParse(item);
    const loginId = parsed.success ? selectorOf(parsed.data) : undefined;
    const label = loginId ?? `users[${index}]`;
    try {
      if (refusal) throw refusal;
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalid(`The ${issue?.path.join('.') || 'user'} field is invalid: ${issue?.message ?? ''}`);
      }
      if (!loginId) throw missing('loginId');
      // An own key only: a login ID such as "constructor" must not find Object.prototype's.
      const hashed =
        parsed.data.hashedPassword ?? (Object.hasOwn(hashes, loginId) ? hashes[loginId] : undefined);
      const user = store.transaction(() =>
        insertNewUser(
          services,
          projectId,
          {
            ...parsed.data,
            ...attributesOf(parsed.data),
            loginId,
            hashedPassword: hashed as Record<string, unknown> | undefined,
          },
          catalog,
        ),
      );
      result.users.push(toWireUser(user, catalog));
    } catch (error) {
      if (!(error instanceof DescopeError)) throw error;
      result.failures.push({ user: label, reason: error.message });
    }
  });
  return result;
}

export const userImportOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/import',
    sdkMethods: ['management.user.import'],
    summary: 'Import users from a base64 JSON export; failures per user; dryrun writes nothing',
    operationId: 'ImportUsers',
    tag,
    body: ImportBody,
    response: ImportResponse,
    handler: ({ body, projectId, services }) => importUsers(services, projectId, body),
  }),
];
