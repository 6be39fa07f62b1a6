import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit status (or the signal's name). */
  exited: Promise<number | string>;
}

/**
 * Runs the real CLI (`node --import tsx src/cli.ts`) from the repository root, with an environment free of
 * the caller's DESCOPE_* variables plus `env`.
 */
export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('DESCOPE_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits for the banner and returns the URL it announces; fails if the CLI exits first. */
export async function bannerUrl(run: CliRun): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(run.stdout());
      if (match?.[1] && run.stdout().includes('});')) {
        run.child.stdout?.off('data', check);
        resolve(match[1]);
      }
    };
    run.child.stdout?.on('data', check);
    run.exited.then((code) => reject(new Error(`CLI exited (${code}) before its banner: ${run.stderr()}`)));
    check();
  });
}

/** Sends a signal and waits for the exit status. */
export async function stop(run: CliRun, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
  run.child.kill(signal);
  return run.exited;
}
