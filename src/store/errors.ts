import { SqliteError } from 'better-sqlite3';
import { invalid } from '../errors.js';

/**
 * Turns a constraint failure into the domain error a user would see. Uniqueness (login IDs, tenant and role
 * names) is enforced by unique indexes, not by checks in code, so a race can never let a duplicate in.
 */
export function mapConstraint<T>(what: (message: string) => string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isConstraintViolation(error)) throw invalid(what(error.message));
    throw error;
  }
}

/** A write refused by a unique index, primary key or foreign key (the message names the table and columns). */
export function isConstraintViolation(error: unknown): error is InstanceType<typeof SqliteError> {
  return error instanceof SqliteError && error.code.startsWith('SQLITE_CONSTRAINT');
}
