import { startDescopeMock } from 'descope-mock';

const mock = await startDescopeMock({ fixtures: './test/descope.json' }); // port 0, in-memory SQLite
// mock.url, mock.projectId, mock.managementKey → DescopeClient({ projectId, managementKey, baseUrl: mock.url })
await mock.reset(); // or mock.reset(projectId)
const { projectId, managementKey } = await mock.createProject({ users: [{ loginId: 'ada@example.com' }] });
await mock.addFault({ path: '/v1/mgmt/user/*', status: 429, retryAfter: 5, times: 1 });
const calls = await mock.requests({ projectId, method: 'POST' });
const saved = await mock.snapshot(projectId); // later: await mock.restore(saved)
const sent = await mock.outbox(projectId);
await mock.close();
