/**
 * A path pattern of the control plane: exact, or with `*` standing for any run of characters (slashes
 * included), so `/v1/mgmt/user/*` matches every user call and `*` every call.
 *
 * Matched without a regex, in linear time: a regex of `.*` runs backtracks exponentially on a path that
 * almost matches (`/v1/*a*a*a*a*b` against 150 `a`s blocked the server for seconds). Between the first
 * and the last star, each literal piece is taken at its leftmost place: a later place could only leave less
 * room for the pieces after it, so a match, if there is one, is found without going back.
 */
export function pathMatcher(pattern: string): (path: string) => boolean {
  if (!pattern.includes('*')) return (path) => path === pattern;
  const pieces = pattern.split('*');
  const head = pieces[0] as string;
  const tail = pieces[pieces.length - 1] as string;
  const middle = pieces.slice(1, -1).filter((piece) => piece !== '');
  return (path) => {
    if (path.length < head.length + tail.length) return false;
    if (!path.startsWith(head) || !path.endsWith(tail)) return false;
    const end = path.length - tail.length;
    let from = head.length;
    for (const piece of middle) {
      const at = path.indexOf(piece, from);
      if (at === -1 || at + piece.length > end) return false;
      from = at + piece.length;
    }
    return true;
  };
}

/** The path of a URL, without its query string. */
export const pathOf = (url: string): string => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/** Descope's own API paths (what the journal records and faults can hit), as opposed to `/_mock/…`. */
export const isDescopePath = (path: string): boolean => path.startsWith('/v1/') || path.startsWith('/v2/');
