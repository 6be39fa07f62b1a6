import { invalid } from '../errors.js';

/** One entry of Descope's `sort` list (SortField in its spec). */
export interface SortInput {
  field: string;
  desc?: boolean;
}

/** How to read each sortable field of a record (`Field`: the names its request schema lists). */
export type SortKeys<T, Field extends string = string> = Readonly<
  Record<Field, (record: T) => string | number>
>;

/**
 * The records ordered by `sort`: the first field first, the next one on ties, each ascending unless `desc`;
 * text compares case-insensitively (as user search's columns do), numbers by value, and records equal on
 * every field keep their order. No sort keeps the order given. An unknown field is refused with E011004
 * naming the accepted ones, as user search does.
 */
export function sortedBy<T>(
  records: readonly T[],
  sort: readonly SortInput[] | undefined,
  keys: SortKeys<T>,
): T[] {
  if (!sort?.length) return [...records];
  const order = sort.map(({ field, desc }) => {
    const read = Object.hasOwn(keys, field) ? keys[field] : undefined;
    if (!read)
      throw invalid(`Unknown sort field "${field}": expected one of ${Object.keys(keys).join(', ')}`);
    return { read, sign: desc ? -1 : 1 };
  });
  return [...records].sort((a, b) => {
    for (const { read, sign } of order) {
      const difference = compare(read(a), read(b));
      if (difference !== 0) return difference * sign;
    }
    return 0;
  });
}

function compare(a: string | number, b: string | number): number {
  const left = typeof a === 'string' ? a.toLowerCase() : a;
  const right = typeof b === 'string' ? b.toLowerCase() : b;
  return left < right ? -1 : left > right ? 1 : 0;
}
