import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DOCKERIGNORE,
  envOf,
  execFormOf,
  parseDockerfile,
  readDockerfile,
  type Stage,
} from './dockerfile.js';

/** docker/Dockerfile, .dockerignore and docker/compose.yaml, checked as far as possible without an engine. */

const ROOT = new URL('../../', import.meta.url);
const stages = readDockerfile();
const runtime = stages.at(-1) as Stage;
const runs = (stage: Stage): string[] =>
  stage.instructions.filter((item) => item.keyword === 'RUN').map((item) => item.args);

describe('docker/Dockerfile', () => {
  it('parses: known instructions, named stages, no dangling continuation', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['deps', 'build', 'runtime']);
    expect(() => parseDockerfile('FROM node:20 AS a\nRUNN echo\n')).toThrow(/unknown instruction RUNN/);
    expect(() => parseDockerfile('FROM node:20 AS a\nRUN echo \\')).toThrow(/continued/);
  });

  it('installs production dependencies only for the runtime, and builds with the dev ones', () => {
    const [deps, build] = stages as [Stage, Stage];
    expect(runs(deps).some((run) => /npm ci --omit=dev/.test(run))).toBe(true);
    expect(runs(build).some((run) => /npm run build/.test(run))).toBe(true);
    const copies = runtime.instructions.filter((item) => item.keyword === 'COPY').map((item) => item.args);
    expect(copies).toContain('--from=deps /app/node_modules ./node_modules');
    expect(copies).toContain('--from=build /app/dist ./dist');
    // Every stage a COPY --from names exists.
    for (const copy of copies) {
      const from = /--from=(\S+)/.exec(copy)?.[1];
      if (from) expect(stages.map((stage) => stage.name)).toContain(from);
    }
  });

  it('runs as a non-root user, on 0.0.0.0:7357, with a node health check and a /data volume', () => {
    const keywords = (keyword: string) =>
      runtime.instructions.filter((item) => item.keyword === keyword).map((item) => item.args);
    expect(keywords('USER')).toEqual(['node']);
    expect(envOf(runtime)).toMatchObject({ DESCOPE_MOCK_HOST: '0.0.0.0', DESCOPE_MOCK_PORT: '7357' });
    expect(keywords('EXPOSE')).toEqual(['7357']);
    expect(keywords('VOLUME')).toEqual(['["/data"]']);
    expect(execFormOf(runtime, 'CMD')).toEqual(['node', 'dist/cli.js']);
    const health = execFormOf(runtime, 'HEALTHCHECK');
    expect(health.slice(0, 2)).toEqual(['node', '-e']);
    expect(health[2]).toContain('/_mock/health');
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const ignored = readFileSync(DOCKERIGNORE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git']));
    const sources = stages
      .flatMap((stage) => stage.instructions)
      .filter((item) => item.keyword === 'COPY' && !item.args.startsWith('--from'))
      .flatMap((item) => item.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(new URL(source, ROOT)), source).toBe(true);
      expect(ignored, source).not.toContain(source);
    }
  });
});

describe('docker/compose.yaml', () => {
  const compose = parse(readFileSync(new URL('docker/compose.yaml', ROOT), 'utf8'));
  const service = compose.services['descope-mock'];

  it('builds the image from the repository root with docker/Dockerfile', () => {
    expect(service.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(service.ports).toEqual(['7357:7357']);
  });

  it('health-checks, mounts the fixtures it names, and keeps the database in a volume', () => {
    expect(service.healthcheck.test.join(' ')).toContain('/_mock/health');
    expect(service.volumes).toContain('../fixtures:/fixtures:ro');
    expect(existsSync(new URL('fixtures/demo.json', ROOT))).toBe(true);
    expect(service.environment.DESCOPE_MOCK_FIXTURES).toBe('/fixtures/demo.json');
    expect(service.environment.DESCOPE_MOCK_DB).toMatch(/^\/data\//);
    expect(Object.keys(compose.volumes)).toEqual(['descope-mock-data']);
  });
});
