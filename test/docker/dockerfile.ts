import { readFileSync } from 'node:fs';

/** A small Dockerfile reader for the tests: no engine runs here, so the file is parsed and checked. */

export const DOCKERFILE = new URL('../../docker/Dockerfile', import.meta.url);
export const DOCKERIGNORE = new URL('../../.dockerignore', import.meta.url);

const KEYWORDS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

/** Instructions with their continuation lines joined, comments and parser directives dropped; throws on an unknown keyword. */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    if (pending && line.startsWith('#')) return; // comments inside a continued instruction are allowed
    const continued = line.endsWith('\\');
    const part = continued ? line.slice(0, -1).trim() : line;
    pending = pending
      ? { text: `${pending.text} ${part}`, line: pending.line }
      : { text: part, line: index + 1 };
    if (continued) return;
    const match = /^(\S+)\s*(.*)$/.exec(pending.text);
    const keyword = match?.[1]?.toUpperCase() ?? '';
    if (!KEYWORDS.has(keyword))
      throw new Error(`Dockerfile line ${pending.line}: unknown instruction ${keyword}`);
    instructions.push({ keyword, args: match?.[2] ?? '', line: pending.line });
    pending = undefined;
  });
  if (pending) throw new Error(`Dockerfile line ${pending.line}: ends inside a continued instruction`);
  return instructions;
}

export function stagesOf(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [base = '', as, name] = instruction.args.split(/\s+/);
      if (as?.toUpperCase() !== 'AS' || !name)
        throw new Error(`line ${instruction.line}: every stage is named`);
      stages.push({ name, base, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`line ${instruction.line}: ${instruction.keyword} before FROM`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

export function readDockerfile(): Stage[] {
  return stagesOf(parseDockerfile(readFileSync(DOCKERFILE, 'utf8')));
}

/** `ENV A=1 B=2` lines of a stage, as a map. */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== 'ENV') continue;
    for (const pair of args.split(/\s+/)) {
      const [name, ...value] = pair.split('=');
      if (!name || value.length === 0) throw new Error(`ENV ${args}: use NAME=value`);
      env[name] = value.join('=');
    }
  }
  return env;
}

/** The exec form (`["node", "dist/cli.js"]`) of the stage's last instruction of that keyword. */
export function execFormOf(stage: Stage, keyword: 'CMD' | 'HEALTHCHECK'): string[] {
  const instruction = stage.instructions.filter((item) => item.keyword === keyword).at(-1);
  if (!instruction) throw new Error(`no ${keyword}`);
  const json = keyword === 'HEALTHCHECK' ? instruction.args.replace(/^.*?\bCMD\s+/, '') : instruction.args;
  const form = JSON.parse(json) as unknown;
  if (!Array.isArray(form) || !form.every((part) => typeof part === 'string')) {
    throw new Error(`${keyword} is not in exec form`);
  }
  return form;
}
