import { useEffect, useState } from 'preact/hooks';

/**
 * Where the inspector is, kept in the URL's fragment so a reload, a bookmark or a test lands on the same
 * page: `#/` the projects, `#/<projectId>/<page>` one of a project's pages, `?…` that page's own state.
 */
export interface Route {
  projectId: string | undefined;
  page: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const [projectId, page] = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (!projectId || projectId === 'projects')
    return { projectId: undefined, page: 'projects', params: new URLSearchParams(query) };
  return { projectId, page: page ?? 'users', params: new URLSearchParams(query) };
}

export function href(projectId: string | undefined, page: string, params?: Record<string, string>): string {
  const query = params && Object.keys(params).length > 0 ? `?${new URLSearchParams(params)}` : '';
  return projectId === undefined ? `#/${page}${query}` : `#/${encodeURIComponent(projectId)}/${page}${query}`;
}

/** Goes to `target` (an `href`), replacing the history entry when only the page's own state changed. */
export function go(target: string, replace = false): void {
  if (replace) history.replaceState(null, '', target);
  else location.hash = target;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
