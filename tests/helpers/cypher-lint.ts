/**
 * Offline Cypher checks: Neo4j's own parser and semantic analysis
 * (@neo4j-cypher/language-support) against mandatemap's schema, plus a check
 * that every property key is one the adapter writes (the language support
 * does not check property keys itself).
 */
import { createRequire } from 'node:module';
import type * as LanguageSupportModule from '@neo4j-cypher/language-support';
import { z } from 'zod';
import { ENTITY_SCHEMAS, ENTITY_TYPES } from '../../graph/model/index.js';
import {
  ENTITY_LABEL,
  INTERNAL_PROPERTIES,
  LABEL_OF,
  MIGRATION_LABEL,
  REL_SPECS,
  VERSION_LABEL,
} from '../../graph/store/neo4j/graph-map.js';

type LanguageSupport = typeof LanguageSupportModule;
interface TreeNode {
  children?: TreeNode[] | null;
  getText(): string;
}

// The package's ESM build has extension-less imports Node cannot resolve; its CommonJS build works.
const cypher = createRequire(import.meta.url)('@neo4j-cypher/language-support') as LanguageSupport;

/** Field names of a zod object schema, nested objects flattened as `field.key` the way records.ts stores them. */
function fieldNames(schema: unknown, prefix = ''): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  if (!shape) return [];
  return Object.entries(shape).flatMap(([key, value]) => {
    let inner: unknown = value;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
      inner = (inner as z.ZodOptional<z.ZodType>).unwrap();
    }
    const nested = prefix === '' ? fieldNames(inner, `${key}.`) : [];
    return nested.length > 0 ? nested : [`${prefix}${key}`];
  });
}

const entityKeys = ENTITY_TYPES.flatMap((t) => fieldNames(ENTITY_SCHEMAS[t]));
/** Keys of the adapter's bookkeeping nodes, relationships and parameter maps. */
const adapterKeys = ['value', 'lock', 'checksum', 'appliedAt', 'role', 'props', 'index', 'target'];

export const CYPHER_SCHEMA = {
  labels: [...Object.values(LABEL_OF), ENTITY_LABEL, VERSION_LABEL, MIGRATION_LABEL],
  relationshipTypes: [...new Set(ENTITY_TYPES.flatMap((t) => REL_SPECS[t].map((r) => r.rel)))],
  propertyKeys: [...new Set([...entityKeys, ...INTERNAL_PROPERTIES, ...adapterKeys])],
  parameters: Object.fromEntries(
    [
      'key',
      'ids',
      'rows',
      'pairs',
      'targets',
      'after',
      'limit',
      'nameContains',
      'kind',
      'sector',
      'levelId',
      'jurisdictionId',
      'issueId',
      'version',
      'name',
      'checksum',
    ].map((p) => [p, null]),
  ),
};

function propertyKeysOf(text: string): string[] {
  const keys: string[] = [];
  const walk = (node: TreeNode): void => {
    if (node instanceof cypher.PropertyKeyNameContext)
      keys.push(node.getText().replace(/^`|`$/g, ''));
    for (const child of node.children ?? []) walk(child);
  };
  for (const tree of cypher.parse(text)) walk(tree as unknown as TreeNode);
  return keys;
}

/** Every error and warning for one statement, as readable lines; empty when it is clean. */
export function cypherProblems(text: string): string[] {
  const diagnostics = cypher.lintCypherQuery(text, CYPHER_SCHEMA);
  const problems = diagnostics.map(
    (d) =>
      `${d.severity === 1 ? 'error' : 'warning'} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`,
  );
  const known = new Set(CYPHER_SCHEMA.propertyKeys);
  for (const key of propertyKeysOf(text)) {
    if (!known.has(key)) problems.push(`unknown property key '${key}'`);
  }
  return problems;
}
