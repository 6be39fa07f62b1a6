import { invalid } from '../../errors.js';
import type {
  AuthzNode,
  AuthzNodeExpression,
  AuthzSchema,
  FgaJsonCondition,
  FgaJsonSchema,
} from '../../schemas/fgaSchema.js';
import { expandConstraint } from './conditions.js';
import { formatDsl } from './dslFormat.js';
import type { FgaDefinition, FgaNode, FgaSchema } from './model.js';

/**
 * The JSON schema of `authz.*` (descope-mgmt-more.md §1.5) to and from the shared model. A relation
 * definition without `complexDefinition` is a relation; with one, a permission whose tree may reach its
 * own stored tuples through `self`. The JSON has no target types, `with` clauses or conditions: a schema
 * saved as JSON has none, and one saved as DSL loses them in its JSON view.
 */

/**
 * A schema saved as JSON. Vendor behaviour (inferred): structural mistakes (a `child` without expression,
 * an operator without children, a nameless namespace or definition, a name used twice) are 400s, while
 * references are not checked (a node naming a missing definition grants nothing at check time).
 */
export function schemaFromAuthz(wire: AuthzSchema): FgaSchema {
  const seen = new Set<string>();
  const types = wire.namespaces.map((ns) => {
    if (!ns.name) throw invalid('A namespace needs a name');
    if (seen.has(ns.name)) throw invalid(`Namespace '${ns.name}' appears twice`);
    seen.add(ns.name);
    const names = new Set<string>();
    const definitions = ns.relationDefinitions.map((rd): FgaDefinition => {
      if (!rd.name) throw invalid(`A relation definition of namespace '${ns.name}' needs a name`);
      if (names.has(rd.name))
        throw invalid(`Relation definition '${rd.name}' appears twice in namespace '${ns.name}'`);
      names.add(rd.name);
      if (!rd.complexDefinition) return { name: rd.name, kind: 'relation' };
      return {
        name: rd.name,
        kind: 'permission',
        expression: nodeFromAuthz(rd.complexDefinition, ns.name, rd.name),
      };
    });
    return { name: ns.name, definitions };
  });
  const schema: FgaSchema = { name: wire.name ?? '', types, conditions: [], dsl: '' };
  schema.dsl = formatDsl(schema);
  return schema;
}

function nodeFromAuthz(node: AuthzNode, namespace: string, definition: string): FgaNode {
  const where = `relation definition '${namespace}.${definition}'`;
  if (node.nType !== 'child') {
    if (!node.children?.length) throw invalid(`A '${node.nType}' node of ${where} needs children`);
    return { op: node.nType, children: node.children.map((c) => nodeFromAuthz(c, namespace, definition)) };
  }
  const e = node.expression;
  if (!e) throw invalid(`A 'child' node of ${where} needs an expression`);
  if (e.neType === 'self') return { op: 'self' };
  const targetRelation = e.targetRelationDefinition;
  if (!targetRelation) throw invalid(`A '${e.neType}' expression of ${where} needs targetRelationDefinition`);
  if (e.neType === 'targetSet' || e.neType === 'userSet') {
    return {
      op: 'targetSet',
      relation: targetRelation,
      type: e.targetRelationDefinitionNamespace || namespace,
    };
  }
  if (!e.relationDefinition) throw invalid(`A '${e.neType}' expression of ${where} needs relationDefinition`);
  const type = e.relationDefinitionNamespace || namespace;
  // Vendor behaviour (inferred): without a target namespace, the relation leads to the same kind of
  // resource (folder within folder; org within org for relationLeft).
  const targetType = e.targetRelationDefinitionNamespace || (e.neType === 'relationLeft' ? type : namespace);
  return { op: e.neType, relation: e.relationDefinition, type, targetRelation, targetType };
}

function nodeToAuthz(node: FgaNode): AuthzNode {
  const child = (expression: AuthzNodeExpression): AuthzNode => ({ nType: 'child', expression });
  switch (node.op) {
    case 'self':
      return child({ neType: 'self' });
    case 'targetSet':
      return child({
        neType: 'targetSet',
        targetRelationDefinition: node.relation,
        targetRelationDefinitionNamespace: node.type,
      });
    case 'relationRight':
    case 'relationLeft':
      return child({
        neType: node.op,
        relationDefinition: node.relation,
        relationDefinitionNamespace: node.type,
        targetRelationDefinition: node.targetRelation,
        targetRelationDefinitionNamespace: node.targetType,
      });
    default:
      return { nType: node.op, children: node.children.map(nodeToAuthz) };
  }
}

/** `authz.loadSchema`'s `schema` (§1.5's DSL → JSON compile for a schema saved as DSL). */
export function authzFromSchema(schema: FgaSchema): AuthzSchema {
  return {
    name: schema.name,
    namespaces: schema.types.map((type) => ({
      name: type.name,
      relationDefinitions: type.definitions.map((def) =>
        def.expression
          ? { name: def.name, complexDefinition: nodeToAuthz(def.expression) }
          : { name: def.name },
      ),
    })),
  };
}

/** `fga.loadSchema`'s `schema`: the JSON view plus the conditions, constraints expanded (`builtin: true`). */
export function fgaJsonFromSchema(schema: FgaSchema): FgaJsonSchema {
  const conditions = schema.conditions.map((c): FgaJsonCondition => {
    if (c.builtin) return { name: c.name, ...expandConstraint(c), builtin: true };
    return { name: c.name, params: c.params ?? [], expression: c.expression ?? '', builtin: false };
  });
  return { name: schema.name, namespaces: authzFromSchema(schema).namespaces, conditions };
}
