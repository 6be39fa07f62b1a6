import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latency, spawnServer } from './lib.js';

/**
 * Tenant trees (issue 10): `tenant/all` over 20,000 tenants (one root with 19,999 children), and on a chain
 * 12,000 tenants deep, a user search with includeSubTenants from its top, a snapshot and a cascade delete.
 * Each project is seeded from a fixture file; every figure is client side (fetch to body read).
 */

const WIDE = { projectId: 'P2BenchWideTenants0000000000', managementKey: 'K2BenchWide' };
const DEEP = { projectId: 'P2BenchDeepTenants0000000000', managementKey: 'K2BenchDeep' };
const WIDE_TENANTS = 20_000;
const DEPTH = 12_000;

type Report = (figure: string, value: string, target?: string, verdict?: string) => void;

const auth = (project: { projectId: string; managementKey: string }) => ({
  authorization: `Bearer ${project.projectId}:${project.managementKey}`,
  'content-type': 'application/json',
});
const ms = (value: number) => `${value.toFixed(2)} ms`;

function writeFixture(path: string): string {
  const project = (credentials: typeof WIDE, tenants: { id: string; name: string; parent: string }[]) => ({
    projectId: credentials.projectId,
    managementKeys: [credentials.managementKey],
    tenants,
  });
  const wide = Array.from({ length: WIDE_TENANTS }, (_, i) => ({
    id: `T2Wide${i}`,
    name: `Wide ${i}`,
    parent: i === 0 ? '' : 'T2Wide0',
  }));
  const deep = Array.from({ length: DEPTH }, (_, i) => ({
    id: `T2Deep${i}`,
    name: `Deep ${i}`,
    parent: i === 0 ? '' : `T2Deep${i - 1}`,
  }));
  const users = [{ loginId: 'bottom@bench.example', userTenants: [{ tenantId: `T2Deep${DEPTH - 1}` }] }];
  writeFileSync(path, JSON.stringify({ projects: [project(WIDE, wide), { ...project(DEEP, deep), users }] }));
  return path;
}

/** Times one request; throws unless it answers 2xx. */
async function once(url: string, init: RequestInit): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, init);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}`);
  return performance.now() - started;
}

export async function tenantTrees(report: Report, dir: string): Promise<void> {
  const fixtures = writeFixture(join(dir, 'tenants.json'));
  const child = await spawnServer(process.execPath, ['dist/cli.js', '--port', '0', '--fixtures', fixtures]);
  try {
    const all = await latency(20, () => fetch(`${child.url}/v1/mgmt/tenant/all`, { headers: auth(WIDE) }));
    report(
      `tenant/all with ${WIDE_TENANTS} tenants (one parent of all the others)`,
      `p50 ${ms(all.p50)}, p99 ${ms(all.p99)}`,
      'p50 < 500 ms',
      all.p50 < 500 ? 'met' : 'missed',
    );
    const search = await latency(20, () =>
      fetch(`${child.url}/v2/mgmt/user/search`, {
        method: 'POST',
        headers: auth(DEEP),
        body: JSON.stringify({ tenantIds: ['T2Deep0'], includeSubTenants: true }),
      }),
    );
    report(
      `user search with includeSubTenants from the top of a ${DEPTH}-deep chain`,
      `p50 ${ms(search.p50)}, p99 ${ms(search.p99)}`,
    );
    const snapshot = await once(`${child.url}/_mock/projects/${DEEP.projectId}/snapshot`, {});
    report(`snapshot of the ${DEPTH}-deep chain`, ms(snapshot));
    const cascade = await once(`${child.url}/v1/mgmt/tenant/delete`, {
      method: 'POST',
      headers: auth(DEEP),
      body: JSON.stringify({ id: 'T2Deep0', cascade: true }),
    });
    report(`cascade delete of the ${DEPTH}-deep chain`, ms(cascade));
  } finally {
    await child.stop();
  }
}
