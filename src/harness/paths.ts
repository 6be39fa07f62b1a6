/**
 * A path pattern of the control plane: exact, or with `*` standing for any run of characters (slashes
 * included), so `/v1/mgmt/user/*` matches every user call and `*` every call.
 */
export function pathMatcher(pattern: string): (path: string) => boolean {
  if (!pattern.includes('*')) return (path) => path === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`);
  return (path) => regex.test(path);
}

/** The path of a URL, without its query string. */
export const pathOf = (url: string): string => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/** Descope's own API paths (what the journal records and faults can hit), as opposed to `/_mock/…`. */
export const isDescopePath = (path: string): boolean => path.startsWith('/v1/') || path.startsWith('/v2/');
