import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

/**
 * UPDATE statements that set only the columns whose values changed. SQLite rewrites an index whenever one of
 * its columns is assigned, equal value or not, so a rename that also assigned the status, email and phone
 * would rewrite their indexes for nothing. One statement per set of columns, prepared on first use and kept.
 */
export class ColumnUpdates<Key extends string> {
  private readonly statements = new Map<string, Statement>();

  /**
   * @param columns parameter name → column name, for every column that may change.
   * @param where the row's selector, with its own named parameters.
   */
  constructor(
    private readonly db: Db,
    private readonly table: string,
    private readonly columns: Readonly<Record<Key, string>>,
    private readonly where: string,
  ) {}

  /** Names of the columns whose values differ between the two rows. */
  changed(before: Readonly<Record<Key, unknown>>, after: Readonly<Record<Key, unknown>>): Key[] {
    return (Object.keys(this.columns) as Key[]).filter((key) => before[key] !== after[key]);
  }

  /** Sets the given columns from `params` (which also carries the selector's parameters); rows changed. */
  run(keys: readonly Key[], params: Record<string, unknown>): number {
    if (keys.length === 0) return 0;
    const id = keys.join(',');
    let statement = this.statements.get(id);
    if (!statement) {
      const assignments = keys.map((key) => `${this.columns[key]} = :${key}`).join(', ');
      statement = this.db.prepare(`UPDATE ${this.table} SET ${assignments} WHERE ${this.where}`);
      this.statements.set(id, statement);
    }
    return statement.run(params).changes;
  }
}
