import { useState } from 'preact/hooks';
import { control, mgmt, type Project, projectPath } from '../api';
import { confirmed, Dialog, ErrorNote, Field, Form, Pager, Section, Table } from '../components';
import { useAsync, useProjectChanges } from '../hooks';
import { DeleteButton, FilterActions, useFilterForm } from '../lists';
import type { PageProps } from '../page';
import { plural, useAction } from '../pickers';
import { CheckForm, NO_TUPLE, type Tuple, TupleFields } from './fgaCheck';
import { type FgaSchemaAnswer, SchemaEditor } from './fgaSchema';

const PAGE_SIZE = 50;

/** The list's filters: each an exact value, empty for any. */
interface Filters {
  resourceType: string;
  resource: string;
  relation: string;
  target: string;
}
const NO_FILTERS: Filters = { resourceType: '', resource: '', relation: '', target: '' };

/**
 * Fine-grained authorization: the schema as DSL (edit, save, delete), the relations (tuples) filtered and
 * paged, added and deleted, and a check. The schema and writes go through Descope's fga/authz calls; the
 * list through the control plane (`GET /_mock/projects/:id/relations`), since no Descope call lists a
 * project's tuples page by page. Live: what an SDK writes shows within a second.
 */
export function FgaPage(props: PageProps) {
  const { project } = props;
  const [page, setPage] = useState(0);
  const form = useFilterForm(NO_FILTERS, () => setPage(0));
  const { draft, filters, set, filtered } = form;
  const [adding, setAdding] = useState(false);

  const schema = useAsync(() => mgmt<FgaSchemaAnswer>(project, '/v1/mgmt/fga/schema'), [project.projectId]);
  const relations = useAsync(() => {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(page * PAGE_SIZE) });
    for (const [key, value] of Object.entries(filters)) if (value.trim()) query.set(key, value.trim());
    return control<{ relations: Tuple[]; total: number }>(
      'GET',
      projectPath(project.projectId, `/relations?${query}`),
    );
  }, [project.projectId, filters, page]);
  const reload = () => {
    schema.reload();
    relations.reload();
  };
  useProjectChanges(project.projectId, reload);

  const namespaces = schema.value?.schema.namespaces ?? [];
  const types = namespaces.map((namespace) => namespace.name);
  // A relation is stored; a permission (it has a definition) is derived: only the former can be added.
  const stored = namespaces.flatMap((namespace) =>
    (namespace.relationDefinitions ?? [])
      .filter((rd) => !rd.complexDefinition)
      .map((rd) => [namespace.name, rd.name]),
  );
  const definitions = [
    ...new Set(namespaces.flatMap((namespace) => (namespace.relationDefinitions ?? []).map((rd) => rd.name))),
  ];
  const targetTypes = [...types, ...stored.map(([type, relation]) => `${type}#${relation}`)];

  const action = useAction(reload);
  const total = relations.value?.total ?? 0;

  return (
    <Section
      title="FGA relations"
      actions={
        <span class="muted" aria-live="polite">
          {relations.value
            ? `${plural(total, 'relation')}${filtered ? ' match the filters' : ''}`
            : 'Loading…'}
        </span>
      }
    >
      <datalist id="fga-types">
        {types.map((type) => (
          <option value={type} />
        ))}
      </datalist>
      <datalist id="fga-relations">
        {[...new Set(stored.map(([, relation]) => relation))].map((relation) => (
          <option value={relation} />
        ))}
      </datalist>
      <datalist id="fga-definitions">
        {definitions.map((name) => (
          <option value={name} />
        ))}
      </datalist>
      <datalist id="fga-target-types">
        {targetTypes.map((type) => (
          <option value={type} />
        ))}
      </datalist>
      <ErrorNote error={schema.error} />
      <div class="split">
        <SchemaEditor project={project} loaded={schema.value} onSaved={reload} />
        <CheckForm project={project} />
      </div>

      <section class="fga-relations" aria-labelledby="fga-relations-title">
        <div class="section-head">
          <h2 id="fga-relations-title">Relations</h2>
          <div class="actions">
            <button
              type="button"
              class="danger"
              disabled={total === 0 || filtered}
              title={filtered ? 'Clear the filters first: this deletes every relation' : undefined}
              onClick={action.run(async () => {
                if (confirmed('Delete every relation of the project? The schema stays.')) {
                  await mgmt(project, '/v1/mgmt/fga/relations', undefined, 'DELETE');
                }
              })}
            >
              Delete all
            </button>
            <button type="button" class="primary" onClick={() => setAdding(true)}>
              Add relation
            </button>
          </div>
        </div>
        <form aria-label="Relation filters" onSubmit={form.submit}>
          <div class="row">
            <Field
              label="Resource type"
              list="fga-types"
              value={draft.resourceType}
              onValue={set('resourceType')}
            />
            <Field label="Resource" value={draft.resource} onValue={set('resource')} />
            <Field label="Relation" list="fga-relations" value={draft.relation} onValue={set('relation')} />
            <Field label="Target" value={draft.target} onValue={set('target')} />
          </div>
          <FilterActions form={form} class="form-actions fga-filter-actions" />
        </form>
        {action.note}
        <ErrorNote error={relations.error} />
        {relations.value && (
          <>
            <Table<Tuple>
              label="Relations"
              rows={relations.value.relations}
              rowKey={(tuple) => JSON.stringify(tuple)}
              empty={
                filtered
                  ? 'No relation matches the filters (each is an exact value).'
                  : 'No relations yet: add one here or with management.fga.createRelations.'
              }
              columns={[
                { title: 'Resource type', cell: (tuple) => tuple.resourceType },
                { title: 'Resource', cell: (tuple) => <code>{tuple.resource}</code> },
                { title: 'Relation', cell: (tuple) => tuple.relation },
                { title: 'Target type', cell: (tuple) => tuple.targetType || <span class="muted">any</span> },
                {
                  title: 'Target',
                  cell: (tuple) =>
                    tuple.query ? (
                      <code title="an ABAC query">query {JSON.stringify(tuple.query)}</code>
                    ) : (
                      <code>{tuple.target}</code>
                    ),
                },
                {
                  title: 'Actions',
                  cell: (tuple) => (
                    <DeleteButton
                      name={describe(tuple)}
                      question={`Delete ${describe(tuple)}?`}
                      run={action.run}
                      remove={() => deleteRelation(project, tuple)}
                    />
                  ),
                },
              ]}
            />
            {(total > PAGE_SIZE || page > 0) && (
              <Pager page={page} size={PAGE_SIZE} total={total} onPage={setPage} />
            )}
          </>
        )}
      </section>
      {adding && (
        <AddRelation
          project={project}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            reload();
          }}
        />
      )}
    </Section>
  );
}

/** `doc:d1#viewer@user:u1`, the notation of Descope's docs. */
const describe = (tuple: Tuple): string =>
  `${tuple.resourceType}:${tuple.resource}#${tuple.relation}@${
    tuple.query ? `query ${JSON.stringify(tuple.query)}` : `${tuple.targetType}:${tuple.target}`
  }`;

/**
 * Deletes one stored tuple through authz `re/delete`: unlike fga's delete it also names the tuples the
 * authz API made (an ABAC query, a target of any type), so every row's button works.
 */
function deleteRelation(project: Pick<Project, 'projectId' | 'managementKey'>, tuple: Tuple) {
  const base = {
    resource: tuple.resource,
    relationDefinition: tuple.relation,
    namespace: tuple.resourceType,
  };
  const hash = tuple.targetType.indexOf('#');
  const relation = tuple.query
    ? { ...base, query: tuple.query }
    : hash >= 0
      ? {
          ...base,
          targetSetResource: tuple.target,
          targetSetRelationDefinition: tuple.targetType.slice(hash + 1),
          targetSetRelationDefinitionNamespace: tuple.targetType.slice(0, hash),
        }
      : { ...base, target: tuple.target, ...(tuple.targetType ? { targetNamespace: tuple.targetType } : {}) };
  return mgmt(project, '/v1/mgmt/authz/re/delete', { relations: [relation] });
}

/** `fga.createRelations` of one tuple; the schema decides what fits (Descope's refusal shown in place). */
function AddRelation(props: {
  project: Pick<Project, 'projectId' | 'managementKey'>;
  onClose: () => void;
  onDone: () => void;
}) {
  const [tuple, setTuple] = useState<Tuple>(NO_TUPLE);
  return (
    <Dialog title="Add relation" wide onClose={props.onClose}>
      <Form
        label="Add"
        submit={() => mgmt(props.project, '/v1/mgmt/fga/relations', { tuples: [tuple] })}
        onDone={props.onDone}
      >
        <TupleFields value={tuple} onValue={setTuple} relationList="fga-relations" />
      </Form>
    </Dialog>
  );
}
