import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Child {
  process: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the line announcing the URL. */
  startMs: number;
  stop(): Promise<void>;
}

/** Spawns a server and waits for the line that announces its URL. */
export function spawnServer(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Child> {
  const started = performance.now();
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (!match) return;
      child.stdout?.off('data', onData);
      resolve({
        process: child,
        url: match[1] as string,
        startMs: performance.now() - started,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${code} before listening:\n${output}`)),
    );
  });
}

/** Resident memory of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** One autocannon run; non-2xx answers count as errors. */
export async function load(
  url: string,
  request: { method: 'GET' | 'POST'; path: string; body?: unknown; auth: string },
  seconds: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url: `${url}${request.path}`,
    method: request.method,
    headers: { authorization: request.auth, 'content-type': 'application/json' },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    connections: 10,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

/**
 * The same request against two servers in alternating rounds (a, b, a, b, …), so that the load of a shared
 * machine, which drifts over seconds, weighs on both alike. Throughput is summed over the rounds.
 */
export async function compare(
  a: string,
  b: string,
  request: { method: 'GET' | 'POST'; path: string; body?: unknown; auth: string },
  seconds: number,
  rounds = 3,
): Promise<[LoadResult, LoadResult]> {
  // A short run each first, so both are compared with their JIT warm.
  await load(a, request, 1);
  await load(b, request, 1);
  const runs: [LoadResult[], LoadResult[]] = [[], []];
  const slice = Math.max(1, Math.round(seconds / rounds));
  for (let i = 0; i < rounds; i++) {
    runs[0].push(await load(a, request, slice));
    runs[1].push(await load(b, request, slice));
  }
  const merge = (results: LoadResult[]): LoadResult => ({
    rps: results.reduce((sum, r) => sum + r.rps, 0) / results.length,
    p50: median(results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  });
  return [merge(runs[0]), merge(runs[1])];
}

/** Sequential requests, each timed; returns p50 and p99 in milliseconds. */
export async function latency(
  count: number,
  send: (i: number) => Promise<Response>,
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await send(i);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`request ${i} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export const median = (values: number[]): number => percentile(values, 50);
