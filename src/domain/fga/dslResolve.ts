import type { Token } from './dslLexer.js';
import { dslError } from './dslLexer.js';
import type { FgaDefinition, FgaNode, FgaType } from './model.js';

/**
 * The DSL's second pass: every reference resolved (descope-mgmt-more.md §1.2, "References must resolve"),
 * then each permission compiled to the model's nodes (§1.5's DSL → JSON): a bare `name` is a targetSet on
 * the same type, `a.b` a relationRight per plain target type of `a` (a union when several).
 */

export type ExprAst =
  | { k: 'name'; name: string; line: number; column: number }
  | { k: 'arrow'; relation: string; target: string; line: number; column: number; targetColumn: number }
  /** `paren`: written in parentheses, so a following operator of the same kind does not flatten into it. */
  | { k: 'op'; op: 'union' | 'intersect' | 'sub'; children: ExprAst[]; paren: boolean };

export type DefinitionAst =
  | { name: string; kind: 'relation'; targets: Token[]; condition: string | undefined }
  | { name: string; kind: 'permission'; expression: ExprAst; condition: string | undefined };

export interface TypeAst {
  name: string;
  line: number;
  column: number;
  definitions: DefinitionAst[];
}

export function resolveSchema(types: TypeAst[]): FgaType[] {
  const byName = new Map(types.map((t) => [t.name, t]));
  const definitionOf = (type: string, name: string): DefinitionAst | undefined =>
    byName.get(type)?.definitions.find((d) => d.name === name);

  const plainTargets = (def: DefinitionAst & { kind: 'relation' }): string[] =>
    def.targets.filter((t) => !t.text.includes('#')).map((t) => t.text);

  const compile = (type: TypeAst, ast: ExprAst): FgaNode => {
    switch (ast.k) {
      case 'name':
        if (!definitionOf(type.name, ast.name)) {
          throw dslError(
            ast.line,
            ast.column,
            `type '${type.name}' has no relation or permission '${ast.name}'`,
          );
        }
        return { op: 'targetSet', relation: ast.name, type: type.name };
      case 'arrow': {
        const via = definitionOf(type.name, ast.relation);
        if (!via)
          throw dslError(ast.line, ast.column, `type '${type.name}' has no relation '${ast.relation}'`);
        if (via.kind !== 'relation') {
          throw dslError(
            ast.line,
            ast.column,
            `'${ast.relation}' is a permission; only a relation can be followed with '.'`,
          );
        }
        const targets = plainTargets(via);
        if (targets.length === 0) {
          throw dslError(
            ast.line,
            ast.column,
            `relation '${ast.relation}' has no plain target type to follow with '.'`,
          );
        }
        const nodes: FgaNode[] = targets.map((targetType) => {
          if (!definitionOf(targetType, ast.target)) {
            throw dslError(
              ast.line,
              ast.targetColumn,
              `type '${targetType}' (a target of '${ast.relation}') has no relation or permission '${ast.target}'`,
            );
          }
          return {
            op: 'relationRight',
            relation: ast.relation,
            type: type.name,
            targetRelation: ast.target,
            targetType,
          };
        });
        return nodes.length === 1 ? (nodes[0] as FgaNode) : { op: 'union', children: nodes };
      }
      case 'op':
        return { op: ast.op, children: ast.children.map((c) => compile(type, c)) };
    }
  };

  return types.map((type) => ({
    name: type.name,
    definitions: type.definitions.map((def): FgaDefinition => {
      let out: FgaDefinition;
      if (def.kind === 'relation') {
        for (const target of def.targets) {
          const [targetType, targetRelation] = target.text.split('#') as [string, string | undefined];
          if (!byName.has(targetType))
            throw dslError(target.line, target.column, `unknown type '${targetType}'`);
          if (targetRelation !== undefined && !definitionOf(targetType, targetRelation)) {
            throw dslError(
              target.line,
              target.column,
              `type '${targetType}' has no relation or permission '${targetRelation}'`,
            );
          }
        }
        out = { name: def.name, kind: 'relation', targetTypes: def.targets.map((t) => t.text) };
      } else out = { name: def.name, kind: 'permission', expression: compile(type, def.expression) };
      if (def.condition !== undefined) out.condition = def.condition;
      return out;
    }),
  }));
}
