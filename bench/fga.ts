import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTuple } from '../src/domain/fga/check.js';
import { parseDsl } from '../src/domain/fga/dsl.js';
import { ProjectFixtureSchema } from '../src/fixtures/schema.js';
import { seedProject } from '../src/fixtures/seed.js';
import { openStore } from '../src/store/index.js';
import { BENCH_AUTH, BENCH_PROJECT } from './fixtures.js';
import { percentile, spawnServer } from './lib.js';

/**
 * FGA (issue 13): `fga.check` of a permission inherited over three hops (doc → folder → folder → folder →
 * org viewer) in a project of 100,000 tuples, seeded from a fixture file (`fgaSchema` + `relations`).
 * Measured three ways: the HTTP round trip (client side), the server side from the request journal
 * (Fastify's elapsed time, request in to reply sent: routing, validation, the handler and serialisation),
 * and the handler's evaluation alone in process (the store's indexed lookups plus the evaluator, timed
 * around `checkTuple` on a store seeded from the same fixture).
 */

type Report = (figure: string, value: string, target?: string, verdict?: string) => void;

const SCHEMA = [
  'model AuthZ 1.0',
  '',
  'type user',
  'type org',
  '  relation member: user',
  '  permission viewer: member',
  'type folder',
  '  relation org: org',
  '  relation parent: folder',
  '  relation viewer: user',
  '  permission can_view: viewer | parent.can_view | org.viewer',
  'type doc',
  '  relation folder: folder',
  '  relation viewer: user',
  '  permission can_view: viewer | folder.can_view',
].join('\n');

const ORGS = 1000;
const TOP = 2000;
const MIDDLE = 8000;
const LEAVES = 16000;

/** Every tuple, `count` in all: orgs' members, three levels of folders, documents in the leaf folders. */
function relations(count: number) {
  const tuples: {
    resource: string;
    resourceType: string;
    relation: string;
    target: string;
    targetType: string;
  }[] = [];
  const add = (
    resourceType: string,
    resource: string,
    relation: string,
    targetType: string,
    target: string,
  ) => tuples.push({ resource, resourceType, relation, target, targetType });
  for (let i = 0; i < ORGS; i++) add('org', `o${i}`, 'member', 'user', `u${i}`);
  for (let i = 0; i < TOP; i++) add('folder', `F${i}`, 'org', 'org', `o${i % ORGS}`);
  for (let i = 0; i < MIDDLE; i++) add('folder', `S${i}`, 'parent', 'folder', `F${i % TOP}`);
  for (let i = 0; i < LEAVES; i++) add('folder', `L${i}`, 'parent', 'folder', `S${i % MIDDLE}`);
  for (let i = 0; tuples.length < count; i++) {
    add('doc', `d${i}`, 'folder', 'folder', `L${i % LEAVES}`);
    if (tuples.length < count) add('doc', `d${i}`, 'viewer', 'user', `v${i}`);
  }
  return tuples;
}

/** Document i's inherited viewer: the member of the org at the top of its folder chain. */
const viewerOf = (i: number) => `u${(((i % LEAVES) % MIDDLE) % TOP) % ORGS}`;
const checkOf = (i: number) => ({
  resourceType: 'doc',
  resource: `d${i}`,
  relation: 'can_view',
  targetType: 'user',
  target: viewerOf(i),
});

export async function fgaCheck(
  report: Report,
  dir: string,
  tupleCount: number,
  documents: number,
): Promise<void> {
  const project = {
    projectId: BENCH_PROJECT.projectId,
    managementKeys: [BENCH_PROJECT.managementKey],
    fgaSchema: SCHEMA,
    relations: relations(tupleCount),
  };
  const file = join(dir, 'fga.json');
  writeFileSync(file, JSON.stringify({ projects: [project] }));
  const count = 1000;
  const picks = Array.from({ length: count }, (_, i) => (i * 7919) % documents);

  const child = await spawnServer(process.execPath, ['dist/cli.js', '--port', '0', '--fixtures', file]);
  try {
    report(
      `seed ${tupleCount} FGA tuples from a fixture file (spawn to listening)`,
      `${(child.startMs / 1000).toFixed(2)} s`,
    );
    const send = (i: number) =>
      fetch(`${child.url}/v1/mgmt/fga/check`, {
        method: 'POST',
        headers: { authorization: BENCH_AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ tuples: [checkOf(picks[i] as number)] }),
      });
    const probe = (await (await send(0)).json()) as { tuples?: { allowed: boolean }[] };
    if (probe.tuples?.[0]?.allowed !== true) {
      report('fga.check', `not measured: the probe answered ${JSON.stringify(probe)}`);
      return;
    }
    for (let i = 0; i < 200; i++) await (await send(i)).arrayBuffer(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const response = await send(i);
      const body = (await response.json()) as { tuples: { allowed: boolean }[] };
      if (!body.tuples[0]?.allowed) throw new Error(`check ${i} was denied`);
      times.push(performance.now() - started);
    }
    report(
      `fga.check, 3-hop inherited permission, ${tupleCount} tuples (HTTP round trip, client side)`,
      `p50 ${percentile(times, 50).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms over ${count}`,
    );
    const journal = (await (
      await fetch(`${child.url}/_mock/requests?path=/v1/mgmt/fga/check&limit=${count}`)
    ).json()) as { requests: { durationMs: number }[] };
    const served = journal.requests.map((entry) => entry.durationMs);
    const p50 = percentile(served, 50);
    report(
      `fga.check, 3-hop inherited permission, ${tupleCount} tuples (server side, from the request journal)`,
      `p50 ${p50.toFixed(3)} ms, p95 ${percentile(served, 95).toFixed(3)} ms over ${served.length}`,
      'p50 < 1 ms',
      p50 < 1 ? 'met' : 'missed',
    );
  } finally {
    await child.stop();
  }

  // The evaluation alone, in process: the same fixture seeded into a store, `checkTuple` over its source.
  const store = openStore(':memory:');
  try {
    seedProject(store, ProjectFixtureSchema.parse(project), 'projects[0]');
    const schema = parseDsl(SCHEMA);
    const source = store.relations.source(BENCH_PROJECT.projectId, () => false);
    const evaluation: number[] = [];
    for (let i = 0; i < count + 200; i++) {
      const started = performance.now();
      const outcome = checkTuple(schema, source, checkOf(picks[i % count] as number));
      const elapsed = performance.now() - started;
      if (!outcome.allowed) throw new Error('denied in process');
      if (i >= 200) evaluation.push(elapsed);
    }
    report(
      `fga.check evaluation alone (store lookups + evaluator, in process), ${tupleCount} tuples`,
      `p50 ${(percentile(evaluation, 50) * 1000).toFixed(0)} µs, p95 ${(percentile(evaluation, 95) * 1000).toFixed(0)} µs`,
    );
  } finally {
    store.close();
  }
}

/** How many documents `relations(count)` holds (two tuples each, after the folders and orgs). */
export const documentsIn = (count: number): number => Math.floor((count - ORGS - TOP - MIDDLE - LEAVES) / 2);
