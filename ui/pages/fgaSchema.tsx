import { useEffect, useState } from 'preact/hooks';
import { mgmt, type Project } from '../api';
import { confirmed, ErrorNote } from '../components';

/** `GET /v1/mgmt/fga/schema`'s answer (descope-mgmt-more.md §1.4–1.5): the DSL and its JSON form. */
export interface FgaSchemaAnswer {
  dsl: string;
  schema: {
    name?: string;
    namespaces?: { name: string; relationDefinitions?: { name: string; complexDefinition?: unknown }[] }[];
  };
  version?: string;
}

/** A start for a project without a schema: users, groups and documents, the shape most apps begin with. */
const EXAMPLE = `model AuthZ 1.0

type user

type group
  relation member: user

type doc
  relation owner: user
  relation viewer: user | group#member
  permission can_view: owner | viewer
`;

/**
 * The project's schema as DSL, edited in place and saved with `POST /v1/mgmt/fga/schema`. A save that would
 * delete relations (a type or relation removed) is previewed with the dry run and asks first; a refusal
 * shows Descope's error (E011004 naming the line and column).
 */
export function SchemaEditor(props: {
  project: Pick<Project, 'projectId' | 'managementKey'>;
  loaded: FgaSchemaAnswer | undefined;
  onSaved: () => void;
}) {
  const { project, loaded } = props;
  // undefined: not edited, the text follows the saved schema (also when an SDK saves one).
  const [draft, setDraft] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const text = draft ?? loaded?.dsl ?? '';
  // Once the saved schema is the text typed, the text follows the saved schema again (no flicker on save).
  useEffect(() => {
    setDraft((current) => (current !== undefined && current === loaded?.dsl ? undefined : current));
  }, [loaded?.version, loaded?.dsl]);
  const dirty = draft !== undefined && draft !== (loaded?.dsl ?? '');

  const run = async (action: () => Promise<string | undefined>) => {
    setBusy(true);
    setError(undefined);
    setNote('');
    try {
      const done = await action();
      if (done !== undefined) {
        setNote(done);
        props.onSaved();
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const { deletesPreview } = await mgmt<{
        deletesPreview: { hasDeletes: boolean; relations: string[]; types: string[] };
      }>(project, '/v1/mgmt/fga/schema/dryrun', { dsl: text });
      if (deletesPreview.hasDeletes) {
        const gone = [...deletesPreview.types.map((type) => `type ${type}`), ...deletesPreview.relations];
        if (!confirmed(`Saving removes ${gone.join(', ')} and deletes their relations. Save anyway?`)) {
          return undefined;
        }
      }
      await mgmt(project, '/v1/mgmt/fga/schema', { dsl: text });
      return 'Schema saved.';
    });

  const remove = () =>
    run(async () => {
      if (!confirmed('Delete the schema and every relation of the project?')) return undefined;
      await mgmt(project, '/v1/mgmt/authz/schema/delete', {});
      setDraft(undefined);
      return 'Schema and relations deleted.';
    });

  return (
    <section class="card fga-schema" aria-labelledby="fga-schema-title">
      <div class="section-head">
        <h2 id="fga-schema-title">Schema</h2>
        <span class="muted">
          {loaded?.version ? (
            <>
              version <code>{loaded.version}</code>
            </>
          ) : (
            'none saved yet'
          )}
        </span>
      </div>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label class="field">
          <span>Schema (DSL)</span>
          <textarea
            class="dsl"
            spellcheck={false}
            rows={14}
            value={text}
            placeholder={EXAMPLE}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <small>
            <code>model AuthZ 1.0</code>, then <code>type</code>s with <code>relation</code>s and{' '}
            <code>permission</code>s, one statement a line.
          </small>
        </label>
        <ErrorNote error={error} />
        {note && (
          <p class="muted" role="status">
            {note}
          </p>
        )}
        <div class="form-actions">
          {!loaded?.dsl && draft === undefined && (
            <button type="button" onClick={() => setDraft(EXAMPLE)}>
              Start from an example
            </button>
          )}
          {dirty && (
            <button type="button" onClick={() => setDraft(undefined)} disabled={busy}>
              Discard changes
            </button>
          )}
          {loaded?.version && (
            <button type="button" class="danger" onClick={remove} disabled={busy}>
              Delete schema
            </button>
          )}
          <button type="submit" class="primary" disabled={busy || text.trim() === ''}>
            Save schema
          </button>
        </div>
      </form>
    </section>
  );
}
