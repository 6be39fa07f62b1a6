import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Child {
  process: ChildProcess;
  pid: number;
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
        pid: child.pid as number,
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

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The CPU time a process has used so far (user + system, all its threads), in microseconds (Linux /proc). */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /**
   * The server's CPU time per answered request, in microseconds (when its pid is known). It moves far less
   * than req/s when other processes share the cores, so it is the figure to compare before and after a change.
   */
  cpuUs: number;
}

/** A server under test: its URL, and its pid for the CPU figure. */
export interface Target {
  url: string;
  pid?: number;
}

/** One autocannon run; non-2xx answers count as errors. */
export async function load(
  target: string | Target,
  request: { method: 'GET' | 'POST'; path: string; body?: unknown; auth: string },
  seconds: number,
): Promise<LoadResult> {
  const { url, pid } = typeof target === 'string' ? { url: target, pid: undefined } : target;
  const cpuBefore = pid === undefined ? 0 : cpuMicros(pid);
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
    cpuUs: pid === undefined ? 0 : (cpuMicros(pid) - cpuBefore) / Math.max(1, result.requests.total),
  };
}

/**
 * The same request against two servers in alternating rounds (a, b, a, b, …), so that the load of a shared
 * machine, which drifts over seconds, weighs on both alike. Throughput is summed over the rounds.
 */
export async function compare(
  a: Target,
  b: Target,
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
    cpuUs: median(results.map((r) => r.cpuUs)),
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
