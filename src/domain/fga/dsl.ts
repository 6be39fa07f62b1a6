import { ConditionSyntaxError, formatConditionExpr, parseConditionExpr } from './conditionExpr.js';
import { BUILTIN_CONSTRAINTS, constraintArgsProblem } from './conditions.js';
import { describe, dslError, Lexer, type Token } from './dslLexer.js';
import { type ExprAst, resolveSchema, type TypeAst } from './dslResolve.js';
import type { FgaCondition, FgaSchema } from './model.js';

export { formatDsl } from './dslFormat.js';

/**
 * `fga.saveSchema`'s DSL, `model AuthZ 1.0` (descope-mgmt-more.md §1.2), parsed to the shared model. Every
 * error is a 400 E011004 whose message names the line and column and what was expected there.
 *
 * Vendor behaviour (inferred): constraints and conditions come before the first type (the grammar's order);
 * relations and permissions come in any order; an identifier is letters, digits and `_`.
 */

/** Custom CEL condition parameter types (the skill lists the first six; the rest are CEL's). */
const CEL_TYPES = new Set([
  'int',
  'string',
  'bool',
  'double',
  'list',
  'ipaddress',
  'uint',
  'bytes',
  'map',
  'timestamp',
  'duration',
]);
const KEYWORDS = new Set(['model', 'type', 'relation', 'permission', 'condition', 'constraint', 'with']);

/**
 * Parses `text`; `warnings`, when given, collects what is legal but likely unintended (operators mixed
 * without parentheses, which group left to right).
 */
export function parseDsl(text: string, warnings?: string[]): FgaSchema {
  return new Parser(text, warnings ?? []).schema();
}

class Parser {
  private readonly lx: Lexer;
  private readonly conditions: FgaCondition[] = [];
  private readonly types: TypeAst[] = [];

  constructor(
    private readonly text: string,
    private readonly warnings: string[],
  ) {
    this.lx = new Lexer(text);
  }

  schema(): FgaSchema {
    this.skipNewlines();
    this.keyword('model', "expected 'model AuthZ 1.0' on the first line");
    const name = this.lx.next();
    const version = this.lx.next();
    if (name.kind !== 'ident' || name.text !== 'AuthZ')
      throw this.expected(name, "'AuthZ' (the only model name accepted)");
    if (version.kind !== 'number' || version.text !== '1.0')
      throw this.expected(version, "'1.0' (the only version accepted)");
    this.endOfStatement();
    const conditionNames = new Set<string>();
    for (this.skipNewlines(); this.lx.peek().kind !== 'eof'; this.skipNewlines()) {
      const token = this.lx.peek();
      const word = token.kind === 'ident' ? token.text : '';
      if ((word === 'constraint' || word === 'condition') && this.types.length > 0) {
        throw dslError(token.line, token.column, `${word}s come before the first type`);
      }
      if (word === 'constraint' || word === 'condition') {
        const condition = word === 'constraint' ? this.constraint() : this.customCondition();
        if (conditionNames.has(condition.name)) {
          throw dslError(token.line, token.column, `'${condition.name}' is declared twice`);
        }
        conditionNames.add(condition.name);
        this.conditions.push(condition);
      } else if (word === 'type') this.typeStatement();
      else if (word === 'relation' || word === 'permission') {
        const owner = this.types[this.types.length - 1];
        if (!owner) throw dslError(token.line, token.column, `expected 'type' before the first ${word}`);
        this.definition(owner, word);
      } else throw this.expected(token, "'type', 'relation', 'permission', 'constraint' or 'condition'");
    }
    const types = resolveSchema(this.types);
    return { name: '', types, conditions: this.conditions, dsl: this.text };
  }

  private constraint(): FgaCondition {
    this.lx.next();
    const nameToken = this.name('a constraint name');
    let kind = nameToken.text;
    let kindToken = nameToken;
    if (this.isPunct(':')) {
      this.lx.next();
      kindToken = this.name('a constraint kind');
      kind = kindToken.text;
    }
    if (!BUILTIN_CONSTRAINTS[kind]) {
      throw dslError(
        kindToken.line,
        kindToken.column,
        `unknown constraint kind '${kind}'; expected one of ${Object.keys(BUILTIN_CONSTRAINTS).join(', ')}`,
      );
    }
    const condition: FgaCondition = { name: nameToken.text, builtin: kind };
    if (this.isPunct('(')) {
      const open = this.lx.next();
      const args: (string | number | boolean)[] = [];
      do {
        if (args.length > 0) this.lx.next();
        args.push(this.literal());
      } while (this.isPunct(','));
      this.punct(')', "')' or ','");
      const problem = constraintArgsProblem(kind, args);
      if (problem) throw dslError(open.line, open.column, problem);
      condition.args = args;
    }
    this.endOfStatement();
    return condition;
  }

  private literal(): string | number | boolean {
    const token = this.lx.next();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'ident' && (token.text === 'true' || token.text === 'false'))
      return token.text === 'true';
    let sign = 1;
    let digits = token;
    if (token.kind === 'punct' && token.text === '-') {
      sign = -1;
      digits = this.lx.next();
    }
    if (digits.kind === 'number') return sign * Number(digits.text);
    throw this.expected(digits, 'a string, a number, true or false');
  }

  private customCondition(): FgaCondition {
    this.lx.next();
    const name = this.name('a condition name');
    this.punct('(', "'(' and the condition's parameters");
    const params: { name: string; type: string }[] = [];
    do {
      if (params.length > 0) this.lx.next();
      const param = this.name('a parameter name');
      const type = this.lx.next();
      if (type.kind !== 'ident' || !CEL_TYPES.has(type.text)) {
        throw this.expected(type, `a parameter type (${[...CEL_TYPES].join(', ')})`);
      }
      params.push({ name: param.text, type: type.text });
    } while (this.isPunct(','));
    this.punct(')', "')' or ','");
    const open = this.punct('{', "'{' and the condition's CEL expression");
    const expression = this.lx.bracedBody(open);
    if (!expression) throw dslError(open.line, open.column, "expected a CEL expression between '{' and '}'");
    this.endOfStatement();
    return { name: name.text, params, expression };
  }

  private typeStatement(): void {
    this.lx.next();
    const name = this.name('a type name');
    if (this.types.some((t) => t.name === name.text)) {
      throw dslError(name.line, name.column, `type '${name.text}' is declared twice`);
    }
    this.types.push({ name: name.text, line: name.line, column: name.column, definitions: [] });
    this.endOfStatement();
  }

  private definition(owner: TypeAst, word: 'relation' | 'permission'): void {
    this.lx.next();
    const name = this.name(`a ${word} name`);
    if (owner.definitions.some((d) => d.name === name.text)) {
      throw dslError(name.line, name.column, `'${name.text}' is declared twice on type '${owner.name}'`);
    }
    this.punct(':', `':' after the ${word} name`);
    if (word === 'relation') {
      const targets: Token[] = [];
      do {
        if (targets.length > 0) this.lx.next();
        const type = this.name('a target type');
        let ref = type.text;
        if (this.isPunct('#')) {
          this.lx.next();
          ref += `#${this.name(`a relation of '${type.text}' after '#'`).text}`;
        }
        if (targets.some((t) => t.text === ref))
          throw dslError(type.line, type.column, `target type '${ref}' is listed twice`);
        targets.push({ ...type, text: ref });
      } while (this.isPunct('|'));
      owner.definitions.push({ name: name.text, kind: 'relation', targets, condition: this.withClause() });
    } else {
      const expression = this.expression();
      owner.definitions.push({
        name: name.text,
        kind: 'permission',
        expression,
        condition: this.withClause(),
      });
    }
  }

  /** `expr = term { ("|" | "&" | "-" | "but not") term }`: equal precedence, left to right (§16 item 1). */
  private expression(): ExprAst {
    let left = this.term();
    for (;;) {
      const token = this.lx.peek();
      let op: 'union' | 'intersect' | 'sub' | undefined;
      if (token.kind === 'punct')
        op =
          token.text === '|'
            ? 'union'
            : token.text === '&'
              ? 'intersect'
              : token.text === '-'
                ? 'sub'
                : undefined;
      else if (token.kind === 'ident' && token.text === 'but' && this.lx.peek(1).text === 'not') {
        this.lx.next();
        op = 'sub';
      }
      if (!op) return left;
      this.lx.next();
      const right = this.term();
      if (left.k === 'op' && !left.paren && left.op === op) left.children.push(right);
      else {
        if (left.k === 'op' && !left.paren) {
          this.warnings.push(
            `line ${token.line}, column ${token.column}: '${token.text === 'but' ? 'but not' : token.text}' follows a different operator without parentheses; they group left to right`,
          );
        }
        left = { k: 'op', op, children: [left, right], paren: false };
      }
    }
  }

  private term(): ExprAst {
    const token = this.lx.peek();
    if (token.kind === 'punct' && token.text === '(') {
      this.lx.next();
      this.skipNewlines();
      const inner = this.expression();
      this.skipNewlines();
      this.punct(')', "')' or an operator ('|', '&', '-')");
      return inner.k === 'op' ? { ...inner, paren: true } : inner;
    }
    const name = this.name("a relation or permission name, or '('");
    if (!this.isPunct('.')) return { k: 'name', name: name.text, line: name.line, column: name.column };
    this.lx.next();
    const target = this.name(`a relation or permission name after '${name.text}.'`);
    return {
      k: 'arrow',
      relation: name.text,
      target: target.text,
      line: name.line,
      column: name.column,
      targetColumn: target.column,
    };
  }

  private withClause(): string | undefined {
    const token = this.lx.peek();
    if (token.kind !== 'ident' || token.text !== 'with') {
      this.endOfStatement();
      return undefined;
    }
    this.lx.next();
    const raw = this.lx.restOfLine();
    try {
      const parsed = parseConditionExpr(raw.text);
      for (const ref of parsed.refs) {
        if (!this.conditions.some((c) => c.name === ref.name)) {
          throw dslError(raw.line, raw.column + ref.offset, `unknown constraint or condition '${ref.name}'`);
        }
      }
      return formatConditionExpr(parsed.node);
    } catch (error) {
      if (!(error instanceof ConditionSyntaxError)) throw error;
      throw dslError(raw.line, raw.column + error.offset, error.message);
    }
  }

  private name(what: string): Token {
    const token = this.lx.next();
    if (token.kind !== 'ident') throw this.expected(token, what);
    if (KEYWORDS.has(token.text))
      throw dslError(token.line, token.column, `expected ${what}, found the keyword '${token.text}'`);
    return token;
  }

  private keyword(word: string, message: string): void {
    const token = this.lx.next();
    if (token.kind !== 'ident' || token.text !== word) throw dslError(token.line, token.column, message);
  }

  private isPunct(text: string): boolean {
    const token = this.lx.peek();
    return token.kind === 'punct' && token.text === text;
  }

  private punct(text: string, what: string): Token {
    const token = this.lx.next();
    if (token.kind !== 'punct' || token.text !== text) throw this.expected(token, what);
    return token;
  }

  private endOfStatement(): void {
    const token = this.lx.peek();
    if (token.kind !== 'newline' && token.kind !== 'eof') throw this.expected(token, 'the end of the line');
  }

  private skipNewlines(): void {
    while (this.lx.peek().kind === 'newline') this.lx.next();
  }

  private expected(token: Token, what: string): Error {
    return dslError(token.line, token.column, `expected ${what}, found ${describe(token)}`);
  }
}
