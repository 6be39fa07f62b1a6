import { useState } from 'preact/hooks';
import { control, type Project, projectPath } from '../api';
import { confirmed, Dialog, ErrorNote, Field, Form, Section, Table, When } from '../components';
import { downloadJson, readJsonFile } from '../files';
import { POLL_MS, useInterval } from '../hooks';
import type { PageProps } from '../page';
import { useAction } from '../pickers';
import { go, href } from '../route';

const COUNTS = [
  ['users', 'Users'],
  ['tenants', 'Tenants'],
  ['roles', 'Roles'],
  ['permissions', 'Permissions'],
  ['accessKeys', 'Access keys'],
  ['customAttributes', 'Attributes'],
  ['outbox', 'Outbox'],
] as const;

/**
 * Every project with its counts; create one (empty, or from a fixture or snapshot file), reset, delete,
 * download and upload snapshots. All through the control plane (`/_mock/projects…`, `/_mock/reset`).
 */
export function ProjectsPage(props: PageProps) {
  const { projects, reloadProjects } = props;
  const [creating, setCreating] = useState(false);
  const [restoring, setRestoring] = useState<Project>();
  // Projects come and go through the control plane too (tests, scripts): the list follows them.
  useInterval(reloadProjects, 2 * POLL_MS);

  const { run: act, error } = useAction(reloadProjects);

  return (
    <Section
      title="Projects"
      actions={
        <>
          <button type="button" onClick={act(() => control('POST', '/_mock/reset', {}))}>
            Reset all
          </button>
          <button type="button" class="primary" onClick={() => setCreating(true)}>
            New project
          </button>
        </>
      }
    >
      <ErrorNote error={error} />
      <Table<Project>
        label="Projects"
        rows={projects}
        rowKey={(project) => project.projectId}
        onOpen={(project) => go(href(project.projectId, 'users'))}
        columns={[
          {
            title: 'Project',
            cell: (project) => (
              <>
                {project.name || '(no name)'} {project.default && <span class="badge">default</span>}
                <br />
                <code class="muted">{project.projectId}</code>
              </>
            ),
          },
          ...COUNTS.map(([key, title]) => ({
            title,
            class: 'num',
            cell: (project: Project) => project[key],
          })),
          { title: 'Created', class: 'nowrap', cell: (project) => <When value={project.createdTime} /> },
          {
            title: 'Actions',
            cell: (project) => (
              <div class="row-actions">
                <button
                  type="button"
                  class="small"
                  onClick={act(async () => {
                    const snapshot = await control('GET', projectPath(project.projectId, '/snapshot'));
                    downloadJson(`${project.projectId}.json`, snapshot);
                  })}
                >
                  Download
                </button>
                <button type="button" class="small" onClick={() => setRestoring(project)}>
                  Upload
                </button>
                <button
                  type="button"
                  class="small"
                  onClick={act(async () => {
                    if (confirmed(`Reset ${project.projectId} to its fixture?`)) {
                      await control('POST', '/_mock/reset', { projectId: project.projectId });
                    }
                  })}
                >
                  Reset
                </button>
                {!project.default && (
                  <button
                    type="button"
                    class="small danger"
                    onClick={act(async () => {
                      if (confirmed(`Delete ${project.projectId} and everything in it?`)) {
                        await control('DELETE', projectPath(project.projectId));
                      }
                    })}
                  >
                    Delete
                  </button>
                )}
              </div>
            ),
          },
        ]}
      />
      {creating && (
        <NewProject
          onClose={() => setCreating(false)}
          onDone={(projectId) => {
            setCreating(false);
            reloadProjects();
            go(href(projectId, 'users'));
          }}
        />
      )}
      {restoring && (
        <RestoreProject
          project={restoring}
          onClose={() => setRestoring(undefined)}
          onDone={() => {
            setRestoring(undefined);
            reloadProjects();
          }}
        />
      )}
    </Section>
  );
}

/** The one project a fixture or snapshot file holds: a project document, or a fixture file's only project. */
function projectOf(document: unknown): Record<string, unknown> {
  const value = document as { projects?: unknown };
  if (Array.isArray(value?.projects)) {
    if (value.projects.length !== 1) throw new Error('The file lists several projects: pick a file with one');
    return value.projects[0] as Record<string, unknown>;
  }
  if (typeof document !== 'object' || document === null) throw new Error('The file holds no project');
  return document as Record<string, unknown>;
}

function NewProject(props: { onClose: () => void; onDone: (projectId: string) => void }) {
  const [name, setName] = useState('');
  const [projectId, setProjectId] = useState('');
  const [file, setFile] = useState<File>();
  let created = '';
  return (
    <Dialog title="New project" onClose={props.onClose}>
      <Form
        label="Create"
        submit={async () => {
          const seed = file ? projectOf(await readJsonFile(file)) : {};
          const body = {
            ...seed,
            ...(name ? { name } : {}),
            ...(projectId ? { projectId } : {}),
          };
          created = (await control<{ projectId: string }>('POST', '/_mock/projects', body)).projectId;
        }}
        onDone={() => props.onDone(created)}
      >
        <Field label="Name" value={name} onValue={setName} placeholder="from the file, or none" />
        <Field label="Project ID" value={projectId} onValue={setProjectId} placeholder="made up when empty" />
        <label class="field">
          <span>Fixture or snapshot file (optional)</span>
          <input
            type="file"
            accept="application/json,.json"
            onChange={(event) => setFile(event.currentTarget.files?.[0])}
          />
        </label>
      </Form>
    </Dialog>
  );
}

function RestoreProject(props: { project: Project; onClose: () => void; onDone: () => void }) {
  const [file, setFile] = useState<File>();
  return (
    <Dialog title={`Upload a snapshot into ${props.project.projectId}`} onClose={props.onClose}>
      <p>The project's whole state is replaced by the file's.</p>
      <Form
        label="Replace the project's state"
        danger
        submit={async () => {
          if (!file) throw new Error('Pick a snapshot file first');
          const { projectId: _ignored, ...document } = projectOf(await readJsonFile(file));
          await control('PUT', projectPath(props.project.projectId, '/snapshot'), document);
        }}
        onDone={props.onDone}
      >
        <label class="field">
          <span>Snapshot file</span>
          <input
            type="file"
            accept="application/json,.json"
            required
            onChange={(event) => setFile(event.currentTarget.files?.[0])}
          />
        </label>
      </Form>
    </Dialog>
  );
}
