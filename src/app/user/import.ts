import { refuseReservedKey } from '../../domain/reservedKeys.js';
import { toWireUser } from '../../domain/wire.js';
import { DescopeError, invalid, missing } from '../../errors.js';
import { BatchUserSchema } from '../../schemas/userBatch.js';
import type { ImportUsersBody, ImportUsersResponse } from '../../schemas/userImport.js';
import type { Services } from '../operation.js';
import { attributesOf } from './attributes.js';
import { selectorOf } from './lookup.js';
import { insertNewUser } from './mutate.js';

/**
 * User import (descope-api.md 4.12). Descope takes the source system's export as bytes (base64 on the wire)
 * and does not publish the formats it reads.
 * Vendor behaviour (inferred): the mock reads one format whatever the `source`: `users` is the base64 of a
 * JSON array of users shaped like create/batch's (loginId, email, phone, displayName, roleNames,
 * userTenants, customAttributes, password, hashedPassword, seed, status, createdTime, test…), and `hashes`
 * the base64 of a JSON object from a login ID to that user's `hashedPassword`.
 */

/**
 * Reads one user of the file as a create/batch item on the wire is read (proto3 JSON: the route hands in
 * src/http/normalise.ts's walk of BatchUserSchema); throws a DescopeError for a reserved key.
 */
export type ImportedUserReader = (raw: unknown) => unknown;

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

/** A file's user as read; a refusal (a reserved key) is that user's failure, reported under its login ID. */
function readItem(read: ImportedUserReader, raw: unknown): { item: unknown; refusal?: DescopeError } {
  try {
    return { item: read(raw) };
  } catch (error) {
    if (!(error instanceof DescopeError)) throw error;
    return { item: raw, refusal: error };
  }
}

/** Thrown to roll back a dry run once every user has been checked and written. */
class DryRun {
  constructor(readonly result: ImportUsersResponse) {}
}

export function importUsers(
  services: Services,
  projectId: string,
  body: ImportUsersBody,
  read: ImportedUserReader,
): ImportUsersResponse {
  if (!body.users) throw missing('users');
  const items = decoded('users', body.users);
  if (!Array.isArray(items)) throw invalid('The users field must be base64 of a JSON array of users');
  const hashes = body.hashes ? decoded('hashes', body.hashes) : {};
  if (typeof hashes !== 'object' || hashes === null || Array.isArray(hashes)) {
    throw invalid('The hashes field must be base64 of a JSON object');
  }
  try {
    // A savepoint, so that a dry run can check and write everything (duplicates inside the file are found
    // so), then roll it all back and still answer.
    return services.store.transaction(() => {
      const result = writeAll(services, projectId, items, hashes as Record<string, unknown>, read);
      if (body.dryrun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

/** Each user in its own savepoint (a nested transaction): a failed one writes nothing and is listed. */
function writeAll(
  services: Services,
  projectId: string,
  items: unknown[],
  hashes: Record<string, unknown>,
  read: ImportedUserReader,
): ImportUsersResponse {
  const { store } = services;
  const catalog = store.catalog.forProject(projectId);
  const result: ImportUsersResponse = { users: [], failures: [] };
  items.forEach((raw, index) => {
    const { item, refusal } = readItem(read, raw);
    const parsed = BatchUserSchema.safeParse(item);
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
