/**
 * A `with` clause (descope-mgmt-more.md §1.2): constraint and condition names joined by `&`, `|`, `!` and
 * parentheses. The DSL parser reads it from the source and the evaluator from the stored text
 * (`FgaDefinition.condition`), so it has its own small parser.
 *
 * Vendor behaviour (inferred): like permission expressions, `&` and `|` have equal precedence and group left
 * to right; `!` applies to the name or parenthesised clause right after it.
 */

export type CondNode =
  | { op: 'ref'; name: string }
  | { op: 'not'; child: CondNode }
  | { op: 'and' | 'or'; left: CondNode; right: CondNode };

/** A syntax error at `offset` (0-based) in the clause's text. */
export class ConditionSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

interface CondToken {
  text: string;
  offset: number;
}

function tokenize(text: string): CondToken[] {
  const tokens: CondToken[] = [];
  const re = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|([&|!()]))/y;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) {
      const at = pos + (text.slice(pos).length - text.slice(pos).trimStart().length);
      throw new ConditionSyntaxError(at, `unexpected ${JSON.stringify(text[at])} in the 'with' condition`);
    }
    const token = (m[1] ?? m[2]) as string;
    tokens.push({ text: token, offset: re.lastIndex - token.length });
    pos = re.lastIndex;
  }
  tokens.push({ text: '', offset: text.trimEnd().length });
  return tokens;
}

const isName = (t: string): boolean => /^[A-Za-z_]/.test(t);
const shown = (t: CondToken): string => (t.text === '' ? 'the end of the line' : `'${t.text}'`);

/** The clause's tree, plus every name it references with its offset (for the DSL's reference check). */
export function parseConditionExpr(text: string): {
  node: CondNode;
  refs: { name: string; offset: number }[];
} {
  const tokens = tokenize(text);
  const refs: { name: string; offset: number }[] = [];
  let i = 0;
  const peek = (): CondToken => tokens[i] as CondToken;

  const operand = (): CondNode => {
    const t = peek();
    if (t.text === '!') {
      i++;
      return { op: 'not', child: operand() };
    }
    if (t.text === '(') {
      i++;
      const inner = clause();
      if (peek().text !== ')')
        throw new ConditionSyntaxError(peek().offset, `expected ')', found ${shown(peek())}`);
      i++;
      return inner;
    }
    if (isName(t.text)) {
      i++;
      refs.push({ name: t.text, offset: t.offset });
      return { op: 'ref', name: t.text };
    }
    throw new ConditionSyntaxError(t.offset, `expected a constraint or condition name, found ${shown(t)}`);
  };

  const clause = (): CondNode => {
    let left = operand();
    for (;;) {
      const t = peek().text;
      if (t !== '&' && t !== '|') return left;
      i++;
      left = { op: t === '&' ? 'and' : 'or', left, right: operand() };
    }
  };

  const node = clause();
  if (peek().text !== '') {
    throw new ConditionSyntaxError(
      peek().offset,
      `expected '&', '|' or the end of the line, found ${shown(peek())}`,
    );
  }
  return { node, refs };
}

/** The clause's canonical text: parseConditionExpr(formatConditionExpr(n)) gives back `n`. */
export function formatConditionExpr(node: CondNode): string {
  switch (node.op) {
    case 'ref':
      return node.name;
    case 'not':
      return `!${node.child.op === 'ref' || node.child.op === 'not' ? formatConditionExpr(node.child) : `(${formatConditionExpr(node.child)})`}`;
    default: {
      const right =
        node.right.op === 'and' || node.right.op === 'or'
          ? `(${formatConditionExpr(node.right)})`
          : formatConditionExpr(node.right);
      return `${formatConditionExpr(node.left)} ${node.op === 'and' ? '&' : '|'} ${right}`;
    }
  }
}
