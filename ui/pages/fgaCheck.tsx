import { useState } from 'preact/hooks';
import { mgmt, type Project } from '../api';
import { Field, Form } from '../components';

/** A relation tuple as the fga calls take it and the control plane lists it (descope-mgmt-more.md §1.1). */
export interface Tuple {
  resourceType: string;
  resource: string;
  relation: string;
  targetType: string;
  target: string;
  /** An ABAC query instead of a target (made through the authz API). */
  query?: Record<string, unknown>;
}

export const NO_TUPLE: Tuple = { resourceType: '', resource: '', relation: '', targetType: '', target: '' };

/** The five fields of a tuple, with the schema's names offered (datalists of the page). */
export function TupleFields(props: { value: Tuple; onValue: (value: Tuple) => void; relationList: string }) {
  const { value, onValue } = props;
  const set = (key: keyof Tuple) => (text: string) => onValue({ ...value, [key]: text });
  return (
    <div class="row fga-tuple">
      <Field
        label="Resource type"
        required
        list="fga-types"
        value={value.resourceType}
        onValue={set('resourceType')}
      />
      <Field label="Resource" required value={value.resource} onValue={set('resource')} placeholder="doc1" />
      <Field
        label="Relation"
        required
        list={props.relationList}
        value={value.relation}
        onValue={set('relation')}
      />
      <Field
        label="Target type"
        required
        list="fga-target-types"
        value={value.targetType}
        onValue={set('targetType')}
        hint="T, or T#relation for a target set"
      />
      <Field label="Target" required value={value.target} onValue={set('target')} placeholder="user1" />
    </div>
  );
}

interface CheckAnswer {
  tuples: {
    allowed: boolean;
    tuple: Tuple;
    info?: { direct?: boolean; conditional?: boolean; missingContext?: string[]; conditionalErr?: string };
  }[];
}

/** `fga.check` of one tuple (`POST /v1/mgmt/fga/check`), with an optional context, answered allowed or denied. */
export function CheckForm(props: { project: Pick<Project, 'projectId' | 'managementKey'> }) {
  const [tuple, setTuple] = useState<Tuple>(NO_TUPLE);
  const [context, setContext] = useState('');
  const [answer, setAnswer] = useState<CheckAnswer['tuples'][number]>();
  return (
    <section class="card fga-check" aria-labelledby="fga-check-title">
      <h2 id="fga-check-title">Check</h2>
      <p class="muted">Does the target have the relation or permission on the resource?</p>
      <Form
        label="Check"
        submit={async () => {
          setAnswer(undefined);
          let parsed: unknown;
          if (context.trim()) {
            try {
              parsed = JSON.parse(context);
            } catch {
              throw new Error('The context is not JSON');
            }
          }
          const body = { tuples: [tuple], ...(parsed === undefined ? {} : { context: parsed }) };
          const { tuples } = await mgmt<CheckAnswer>(props.project, '/v1/mgmt/fga/check', body);
          setAnswer(tuples[0]);
        }}
      >
        <TupleFields value={tuple} onValue={setTuple} relationList="fga-definitions" />
        <label class="field">
          <span>Context (JSON, optional)</span>
          <textarea
            class="dsl"
            rows={2}
            spellcheck={false}
            value={context}
            placeholder='{"ip": "10.0.0.1"}'
            onInput={(event) => setContext(event.currentTarget.value)}
          />
        </label>
      </Form>
      {answer && (
        <p class="fga-answer" role="status">
          <span class={answer.allowed ? 'badge ok' : 'badge bad'}>
            {answer.allowed ? 'Allowed' : 'Denied'}
          </span>{' '}
          <code>
            {answer.tuple.resourceType}:{answer.tuple.resource}#{answer.tuple.relation}@
            {answer.tuple.targetType}:{answer.tuple.target}
          </code>
          {answer.info?.direct && <span class="muted"> (a stored relation)</span>}
          {answer.info?.missingContext?.length ? (
            <span class="muted"> missing context: {answer.info.missingContext.join(', ')}</span>
          ) : null}
          {answer.info?.conditionalErr && <span class="muted"> {answer.info.conditionalErr}</span>}
        </p>
      )}
    </section>
  );
}
