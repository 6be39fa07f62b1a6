import { type CondNode, parseConditionExpr } from './conditionExpr.js';
import { ipInCidr, parseCidr, parseIp, sameIp } from './ip.js';
import type { FgaCondition } from './model.js';

/**
 * The built-in constraints (descope-mgmt-more.md §1.2, `[skill]`) and the evaluation of `with` clauses at
 * check time (§1.3).
 *
 * Each kind reads one value from the check's `context` and compares it with its parameters. The parameters
 * come from the schema's arguments when the constraint has them (`NumRange(0,100)` fixes `min` and `max`; a
 * list kind's arguments are its list), else from `context` too. The names are the ones Descope's schema
 * skill lists for the zero-argument form; Vendor behaviour (inferred): that the same names are read when
 * the schema fixes nothing, and the comparisons (ranges inclusive, an expiry strictly in the future):
 *
 * | kind                     | value read          | parameters                     | holds when                     |
 * | ------------------------ | ------------------- | ------------------------------ | ------------------------------ |
 * | `IpRange`                | `ip`                | `ip_range` (CIDR)              | ip is in the range             |
 * | `IpList`                 | `ip`                | `allowed_ips` (list)           | ip is one of them              |
 * | `DateExpiryEpochSeconds` | `now_epoch_seconds` | `expiry_epoch_seconds`         | now < expiry                   |
 * | `StringMatchRegex`       | `str`               | `regex`                        | the regex matches str          |
 * | `NumAtLeast`             | `num`               | `min`                          | num ≥ min                      |
 * | `NumAtMost`              | `num`               | `max`                          | num ≤ max                      |
 * | `NumRange`               | `num`               | `min`, `max`                   | min ≤ num ≤ max                |
 * | `BoolCheck`              | `bool`              | `expected`                     | bool = expected                |
 * | `GeoCountry`             | `country_code`      | `allowed_countries` (list)     | the code is listed (any case)  |
 * | `IntList`                | `int`               | `allowed_ints` (list)          | int is listed                  |
 * | `LabelList`              | `label`             | `allowed_labels` (list)        | label is listed                |
 */

/** A three-valued answer: a condition lacking context, or a custom CEL one, is neither true nor false. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Tri = typeof FALSE | typeof TRUE | typeof UNKNOWN;

type Literal = string | number | boolean;
type ArgType = 'number' | 'integer' | 'string' | 'boolean';

interface BuiltinKind {
  value: string;
  params: string[];
  /** A list kind takes any number of arguments (at least one) as its one list parameter. */
  list: boolean;
  argType: ArgType;
  /** The CEL types of the value and of each parameter (the skill's table), for the JSON `conditions`. */
  types: string[];
  /** The CEL text the constraint stands for, given the value's and the parameters' expressions. */
  cel: (value: string, params: string[]) => string;
  /** A fixed argument's extra rule, as the reason it fails. */
  checkArgs?: (args: Literal[]) => string | undefined;
  holds: (value: unknown, params: unknown[]) => boolean;
}

const num = (v: unknown): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [v]);
const bool = (v: unknown): boolean | undefined =>
  typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined;
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));

function safeRegex(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

export const BUILTIN_CONSTRAINTS: Readonly<Record<string, BuiltinKind>> = {
  IpRange: {
    types: ['ipaddress', 'string'],
    cel: (v, [r]) => `${v}.in_cidr(${r})`,
    value: 'ip',
    params: ['ip_range'],
    list: false,
    argType: 'string',
    checkArgs: (args) =>
      parseCidr(String(args[0])) ? undefined : `${JSON.stringify(args[0])} is not a CIDR range`,
    holds: (ip, [range]) => list(range).some((r) => ipInCidr(str(ip), str(r))),
  },
  IpList: {
    types: ['ipaddress', 'list'],
    cel: (v, [l]) => `${v} in ${l}`,
    value: 'ip',
    params: ['allowed_ips'],
    list: true,
    argType: 'string',
    checkArgs: (args) => {
      const bad = args.find((a) => !parseIp(String(a)));
      return bad === undefined ? undefined : `${JSON.stringify(bad)} is not an IP address`;
    },
    holds: (ip, [ips]) => list(ips).some((a) => sameIp(str(ip), str(a))),
  },
  DateExpiryEpochSeconds: {
    types: ['int', 'int'],
    cel: (v, [e]) => `${v} < ${e}`,
    value: 'now_epoch_seconds',
    params: ['expiry_epoch_seconds'],
    list: false,
    argType: 'integer',
    holds: (now, [expiry]) => num(now) < num(expiry),
  },
  StringMatchRegex: {
    types: ['string', 'string'],
    cel: (v, [r]) => `${v}.matches(${r})`,
    value: 'str',
    params: ['regex'],
    list: false,
    argType: 'string',
    checkArgs: (args) =>
      safeRegex(String(args[0])) ? undefined : `${JSON.stringify(args[0])} is not a valid regex`,
    holds: (s, [regex]) => safeRegex(str(regex))?.test(str(s)) ?? false,
  },
  NumAtLeast: {
    value: 'num',
    params: ['min'],
    list: false,
    argType: 'number',
    types: ['double', 'int'],
    cel: (v, [min]) => `${v} >= ${min}`,
    holds: (n, [min]) => num(n) >= num(min),
  },
  NumAtMost: {
    value: 'num',
    params: ['max'],
    list: false,
    argType: 'number',
    types: ['double', 'int'],
    cel: (v, [max]) => `${v} <= ${max}`,
    holds: (n, [max]) => num(n) <= num(max),
  },
  NumRange: {
    types: ['double', 'int', 'int'],
    cel: (v, [min, max]) => `${v} >= ${min} && ${v} <= ${max}`,
    value: 'num',
    params: ['min', 'max'],
    list: false,
    argType: 'number',
    checkArgs: ([min, max]) => (Number(min) <= Number(max) ? undefined : 'min must not exceed max'),
    holds: (n, [min, max]) => num(min) <= num(n) && num(n) <= num(max),
  },
  BoolCheck: {
    types: ['bool', 'bool'],
    cel: (v, [e]) => `${v} == ${e}`,
    value: 'bool',
    params: ['expected'],
    list: false,
    argType: 'boolean',
    holds: (b, [expected]) => bool(b) !== undefined && bool(b) === bool(expected),
  },
  GeoCountry: {
    types: ['string', 'list'],
    cel: (v, [l]) => `${v} in ${l}`,
    value: 'country_code',
    params: ['allowed_countries'],
    list: true,
    argType: 'string',
    holds: (code, [codes]) => list(codes).some((c) => str(c).toUpperCase() === str(code).toUpperCase()),
  },
  IntList: {
    types: ['int', 'list'],
    cel: (v, [l]) => `${v} in ${l}`,
    value: 'int',
    params: ['allowed_ints'],
    list: true,
    argType: 'integer',
    holds: (n, [ints]) => list(ints).some((i) => num(i) === num(n)),
  },
  LabelList: {
    types: ['string', 'list'],
    cel: (v, [l]) => `${v} in ${l}`,
    value: 'label',
    params: ['allowed_labels'],
    list: true,
    argType: 'string',
    holds: (label, [labels]) => list(labels).some((l) => str(l) === str(label)),
  },
};

/** Why a constraint's schema arguments are wrong for its kind, or undefined when they fit (or are absent). */
export function constraintArgsProblem(kind: string, args: Literal[]): string | undefined {
  const builtin = BUILTIN_CONSTRAINTS[kind] as BuiltinKind;
  if (args.length === 0) return undefined;
  if (builtin.list ? args.length < 1 : args.length !== builtin.params.length) {
    return `${kind} takes ${builtin.params.length} argument${builtin.params.length === 1 ? '' : 's'} (${builtin.params.join(', ')}), not ${args.length}`;
  }
  const wrong = args.find((a) =>
    builtin.argType === 'integer'
      ? !Number.isInteger(a)
      : builtin.argType === 'number'
        ? typeof a !== 'number'
        : typeof a !== builtin.argType,
  );
  if (wrong !== undefined) return `${kind} takes ${builtin.argType} arguments, not ${JSON.stringify(wrong)}`;
  return builtin.checkArgs?.(args);
}

/** What one check learns about the conditions it could not decide (§1.3's `info`). */
export interface ConditionNotes {
  missingContext: string[];
  conditionalErr?: string;
}

function evaluateConstraint(
  condition: FgaCondition,
  context: Record<string, unknown> | undefined,
  notes: ConditionNotes,
): Tri {
  const kind = BUILTIN_CONSTRAINTS[condition.builtin as string];
  if (!kind) return FALSE;
  let missing = false;
  const need = (name: string): unknown => {
    const v = context?.[name];
    if (v === undefined || v === null) {
      missing = true;
      if (!notes.missingContext.includes(name)) notes.missingContext.push(name);
    }
    return v;
  };
  const value = need(kind.value);
  const args = condition.args;
  const params = args?.length ? (kind.list ? [args] : args) : kind.params.map(need);
  if (missing) return UNKNOWN;
  return kind.holds(value, params) ? TRUE : FALSE;
}

/** Compiled `with` clauses, once per stored text. */
const compiled = new Map<string, CondNode>();

function clauseOf(text: string): CondNode {
  let node = compiled.get(text);
  if (!node) {
    node = parseConditionExpr(text).node;
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(text, node);
  }
  return node;
}

/**
 * A `with` clause's value. A name that is no longer declared is false; a custom CEL condition is unknown
 * (the mock does not run CEL, §1.3) and says so in `notes.conditionalErr`.
 */
export function evaluateClause(
  text: string,
  conditions: ReadonlyMap<string, FgaCondition>,
  context: Record<string, unknown> | undefined,
  notes: ConditionNotes,
): Tri {
  const walk = (node: CondNode): Tri => {
    switch (node.op) {
      case 'ref': {
        const condition = conditions.get(node.name);
        if (!condition) return FALSE;
        if (condition.builtin) return evaluateConstraint(condition, context, notes);
        notes.conditionalErr ??= `condition '${node.name}' is a custom CEL expression, which the mock does not evaluate`;
        return UNKNOWN;
      }
      case 'not': {
        const v = walk(node.child);
        return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE;
      }
      case 'and': {
        const l = walk(node.left);
        if (l === FALSE) return FALSE;
        const r = walk(node.right);
        return r === FALSE ? FALSE : l === TRUE && r === TRUE ? TRUE : UNKNOWN;
      }
      case 'or': {
        const l = walk(node.left);
        if (l === TRUE) return TRUE;
        const r = walk(node.right);
        return r === TRUE ? TRUE : l === FALSE && r === FALSE ? FALSE : UNKNOWN;
      }
    }
  };
  return walk(clauseOf(text));
}

/**
 * A constraint as the JSON schema's condition (spec `Condition`, `builtin: true`): the context parameters it
 * reads, typed, and the CEL it stands for. Vendor behaviour (inferred): the CEL text is the mock's own.
 */
export function expandConstraint(condition: FgaCondition): {
  params: { name: string; type: string }[];
  expression: string;
} {
  const kind = BUILTIN_CONSTRAINTS[condition.builtin as string] as BuiltinKind;
  const args = condition.args ?? [];
  const literal = (a: Literal): string => (typeof a === 'string' ? JSON.stringify(a) : String(a));
  const params = [{ name: kind.value, type: kind.types[0] as string }];
  let paramTexts: string[];
  if (args.length === 0) {
    kind.params.forEach((name, i) => {
      params.push({ name, type: kind.types[i + 1] as string });
    });
    paramTexts = kind.params;
  } else paramTexts = kind.list ? [`[${args.map(literal).join(', ')}]`] : args.map(literal);
  return { params, expression: kind.cel(kind.value, paramTexts) };
}
