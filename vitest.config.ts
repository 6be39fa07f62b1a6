import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // `import … from 'descope-mock'` in tests resolves to the TypeScript source, as a user's would to dist/.
    conditions: ['source'],
  },
  // Tests run in Vite's server (SSR) environment, which reads its own conditions, not resolve.conditions.
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one on a 2-core CI machine, so the files ran one
    // at a time while most of a test waits on a socket or a child process. Two overlap those waits.
    maxWorkers: 2,
    // A worker runs its files one after another in one module graph instead of importing the mock's modules
    // afresh for each of 220 files: the suite takes half the time (390 s → 190 s). Safe because every test
    // starts its own server (no module-level state is shared between tests) and every spy is restored.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // expect.poll waits 1 s by default: the inspector's live pages poll once a second, so a second is the
    // expected wait, not the limit. Only a failing wait takes longer.
    expect: { poll: { timeout: 10_000 } },
    // Every answer of an emulated operation is checked against its response schema (src/app/operation.ts).
    env: { DESCOPE_MOCK_CHECK_RESPONSES: '1' },
  },
});
