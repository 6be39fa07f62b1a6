import type { FgaCondition, FgaDefinition, FgaNode, FgaSchema, FgaType } from './model.js';

/**
 * A schema as DSL text: what `fga.loadSchema` answers as `dsl` after a JSON save (`authz.saveSchema`).
 * `parseDsl(formatDsl(s))` gives back `s` for every schema the DSL can say (every parsed one).
 *
 * Vendor behaviour (inferred): what Descope prints for JSON-only shapes is unknown. The DSL has no words
 * for a permission reaching its own stored tuples (`self`), for `relationLeft`, or for a targetSet on
 * another namespace, so those leaves are left out of the text (the stored model keeps them; only the text
 * is lossy). A JSON relation lists no target types: the text lists the types its `a.b` uses reach, or else
 * every type of the schema.
 */
export function formatDsl(schema: FgaSchema): string {
  const lines = ['model AuthZ 1.0'];
  if (schema.conditions.length > 0) lines.push('', ...schema.conditions.map(formatCondition));
  const targetsOf = inferTargets(schema);
  for (const type of schema.types) {
    lines.push('', `type ${type.name}`);
    for (const def of type.definitions) lines.push(`  ${formatDefinition(type, def, targetsOf)}`);
  }
  return `${lines.join('\n')}\n`;
}

type TargetsOf = (type: string, relation: string) => string[];

function formatCondition(c: FgaCondition): string {
  if (c.builtin) {
    const head = c.name === c.builtin ? c.name : `${c.name}:${c.builtin}`;
    const args = c.args?.length
      ? `(${c.args.map((a) => (typeof a === 'string' ? JSON.stringify(a) : String(a))).join(', ')})`
      : '';
    return `constraint ${head}${args}`;
  }
  const params = (c.params ?? []).map((p) => `${p.name} ${p.type}`).join(', ');
  return `condition ${c.name}(${params}) { ${c.expression ?? ''} }`;
}

function formatDefinition(type: FgaType, def: FgaDefinition, targetsOf: TargetsOf): string {
  const withClause = def.condition ? ` with ${def.condition}` : '';
  const expression = def.expression && prune(def.expression, type.name);
  if (def.kind === 'relation' || !expression) {
    const targets = def.targetTypes ?? targetsOf(type.name, def.name);
    return `relation ${def.name}: ${targets.join(' | ')}${withClause}`;
  }
  return `permission ${def.name}: ${formatNode(expression, targetsOf)}${withClause}`;
}

/** The expression without the leaves the DSL cannot say; undefined when nothing is left. */
function prune(node: FgaNode, typeName: string): FgaNode | undefined {
  switch (node.op) {
    case 'self':
    case 'relationLeft':
      return undefined;
    case 'targetSet':
      return node.type === typeName ? node : undefined;
    case 'relationRight':
      return node;
    default: {
      const children = node.children.map((c) => prune(c, typeName));
      if (node.op === 'sub' && !children[0]) return undefined;
      const kept = children.filter((c): c is FgaNode => c !== undefined);
      if (kept.length === 0) return undefined;
      return kept.length === 1 ? kept[0] : { op: node.op, children: kept };
    }
  }
}

/** `a.b` when the node is one relationRight, or a union of relationRights with the same `a` and `b`. */
function arrow(node: FgaNode): string | undefined {
  if (node.op === 'relationRight') return `${node.relation}.${node.targetRelation}`;
  if (node.op !== 'union') return undefined;
  const first = node.children[0];
  if (first?.op !== 'relationRight') return undefined;
  const same = node.children.every(
    (c) =>
      c.op === 'relationRight' && c.relation === first.relation && c.targetRelation === first.targetRelation,
  );
  return same ? `${first.relation}.${first.targetRelation}` : undefined;
}

function formatNode(node: FgaNode, targetsOf: TargetsOf): string {
  const asArrow = arrow(node);
  if (asArrow) return asArrow;
  switch (node.op) {
    case 'targetSet':
      return node.relation;
    case 'union':
    case 'intersect':
    case 'sub': {
      const symbol = node.op === 'union' ? ' | ' : node.op === 'intersect' ? ' & ' : ' - ';
      return node.children
        .map((c) => {
          const text = formatNode(c, targetsOf);
          return (c.op === 'union' || c.op === 'intersect' || c.op === 'sub') && !arrow(c)
            ? `(${text})`
            : text;
        })
        .join(symbol);
    }
    default:
      return '';
  }
}

/** For a relation without target types: the types its `a.b` uses reach, or every type. */
function inferTargets(schema: FgaSchema): TargetsOf {
  const reached = new Map<string, Set<string>>();
  const visit = (node: FgaNode): void => {
    if (node.op === 'relationRight') {
      const key = `${node.type}#${node.relation}`;
      const set = reached.get(key) ?? new Set<string>();
      set.add(node.targetType);
      reached.set(key, set);
    } else if ('children' in node) node.children.forEach(visit);
  };
  for (const type of schema.types)
    for (const def of type.definitions) if (def.expression) visit(def.expression);
  const all = schema.types.map((t) => t.name);
  return (type, relation) => {
    const set = reached.get(`${type}#${relation}`);
    return set ? all.filter((t) => set.has(t)) : all;
  };
}
