import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { adminToken, control, onTokenWanted, type Project } from './api';
import { ErrorNote, Field, Form } from './components';
import { useAsync } from './hooks';
import { PAGES } from './pages/index';
import { go, href, useRoute } from './route';
import { ThemeToggle } from './theme';
import './style.css';

/** The inspector: a header with the project picker, the pages' navigation, and the page. */
function App() {
  const route = useRoute();
  const projects = useAsync(() => control<{ projects: Project[] }>('GET', '/_mock/projects'), []);
  const [wantsToken, setWantsToken] = useState(false);
  useEffect(() => onTokenWanted(() => setWantsToken(true)), []);

  if (wantsToken) {
    return (
      <TokenPrompt
        onDone={() => {
          setWantsToken(false);
          projects.reload();
        }}
      />
    );
  }
  const list = projects.value?.projects ?? [];
  const fallback = list.find((project) => project.default) ?? list[0];
  const project =
    route.projectId === undefined ? fallback : list.find((p) => p.projectId === route.projectId);
  const page = PAGES.find((candidate) => candidate.id === route.page) ?? PAGES[0];
  const Page = page?.component;
  if (page) document.title = `${page.title} · descope-mock inspector`;

  return (
    <>
      <button type="button" class="skip" onClick={skipToMain}>
        Skip to content
      </button>
      <header class="top">
        <a class="brand" href={href(undefined, 'projects')}>
          descope-mock <span>inspector</span>
        </a>
        {list.length > 0 && (
          <label class="picker">
            <span>Project</span>
            <select
              value={project?.projectId ?? ''}
              onChange={(event) =>
                go(href(event.currentTarget.value, route.page === 'projects' ? 'users' : route.page))
              }
            >
              {list.map((item) => (
                <option value={item.projectId}>
                  {item.name || item.projectId} ({item.projectId})
                </option>
              ))}
            </select>
          </label>
        )}
        <ThemeToggle />
      </header>
      <div class="frame">
        <nav class="side" aria-label="Pages">
          <ul>
            {PAGES.map((item) => (
              <li>
                <a
                  href={href(item.id === 'projects' ? undefined : project?.projectId, item.id)}
                  aria-current={item.id === page?.id ? 'page' : undefined}
                >
                  {item.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <ErrorNote error={projects.error} />
          {route.projectId !== undefined && projects.value && !project && (
            <p class="error" role="alert">
              No project "{route.projectId}": it was deleted, or the mock restarted.{' '}
              <a href={href(undefined, 'projects')}>See the projects</a>
            </p>
          )}
          {Page && project && (
            <Page
              key={`${project.projectId}/${page.id}`}
              project={project}
              projects={list}
              reloadProjects={projects.reload}
              route={route}
            />
          )}
        </main>
      </div>
    </>
  );
}

function skipToMain() {
  document.getElementById('main')?.focus();
}

/** Asked for when the mock was started with --admin-token: the control plane's calls carry it as a bearer. */
function TokenPrompt(props: { onDone: () => void }) {
  const [token, setToken] = useState('');
  return (
    <main class="token" id="main">
      <h1>Admin token</h1>
      <p>This mock was started with --admin-token: the inspector sends it with each control-plane call.</p>
      <Form
        label="Continue"
        submit={async () => {
          adminToken.set(token);
          await control('GET', '/_mock/projects');
        }}
        onDone={props.onDone}
      >
        <Field label="Admin token" type="password" autoFocus value={token} onValue={setToken} />
      </Form>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
