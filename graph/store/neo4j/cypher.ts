/**
 * Every Cypher statement of the Neo4j adapter. Values are always parameters;
 * labels and relationship types come only from graph-map.ts, never from input.
 * tests/contract/cypher-lint.test.ts lints each statement against the schema.
 */
import { ENTITY_TYPES } from '../../model/index.js';
import type { EntityType } from '../../model/index.js';
import { FILTER_REF_FIELDS } from '../graph-store.js';
import type { ListFilter } from '../graph-store.js';
import { ENTITY_LABEL, LABEL_OF, MIGRATION_LABEL, REL_SPECS, VERSION_LABEL } from './graph-map.js';
import type { RelSpec } from './graph-map.js';

/** The key of the one version counter node. */
export const VERSION_KEY = 'graph';

/** `(n)-[r:REL]->(t)` or its reverse, for a reference of the entity `n`; n and t are node bodies. */
function pattern(spec: RelSpec, n: string, t: string, r = ''): string {
  return spec.fromTarget
    ? `(${n})<-[${r}:${spec.rel}]-(${t})`
    : `(${n})-[${r}:${spec.rel}]->(${t})`;
}

export const CYPHER = {
  version: `MATCH (v:${VERSION_LABEL} {id: $key}) RETURN v.value AS value`,
  /** Takes the write lock on the counter (toggling `lock`), so writers queue behind each other. */
  lockVersion: `MERGE (v:${VERSION_LABEL} {id: $key}) ON CREATE SET v.value = 0
SET v.lock = NOT coalesce(v.lock, false)
RETURN v.value AS value`,
  bumpVersion: `MATCH (v:${VERSION_LABEL} {id: $key}) SET v.value = v.value + 1 RETURN v.value AS value`,
  snapshot: `MATCH (n:${ENTITY_LABEL}) RETURN n`,
  ping: `RETURN 1 AS ok`,
  migrationsApplied: `MATCH (m:${MIGRATION_LABEL}) RETURN m.version AS version, m.checksum AS checksum ORDER BY m.version`,
  recordMigration: `MERGE (m:${MIGRATION_LABEL} {version: $version})
SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()`,
} as const;

export interface TypeStatements {
  getMany: string;
  delete: string;
  /** `$rows`: [{ index, id, props }] -> [{ index, version }]. */
  upsert: string;
  /** Per reference field: drop the relationships of `$ids`, then create those of `$pairs`. */
  refs: { spec: RelSpec; clear: string; create: string; findBy: string }[];
}

function typeStatements(type: EntityType): TypeStatements {
  const label = LABEL_OF[type];
  return {
    getMany: `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n`,
    delete: `UNWIND $ids AS id MATCH (n:${label} {id: id}) DETACH DELETE n`,
    upsert: `UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
WITH n, row, coalesce(n.version, 0) + 1 AS version
SET n = row.props
SET n:${ENTITY_LABEL}, n.version = version
RETURN row.index AS index, version`,
    refs: REL_SPECS[type].map((spec) => {
      const target = LABEL_OF[spec.target];
      return {
        spec,
        clear: `UNWIND $ids AS id MATCH ${pattern(spec, `n:${label} {id: id}`, `:${target}`, 'r')} DELETE r`,
        create: `UNWIND $pairs AS pair
MATCH (n:${label} {id: pair.id})
MATCH (t:${target} {id: pair.target})
MERGE ${pattern(spec, 'n', 't', 'r')}${spec.roleProperty ? '\nSET r.role = pair.role' : ''}`,
        findBy: `UNWIND $targets AS target
MATCH ${pattern(spec, `n:${label}`, `t:${target} {id: target}`)}
RETURN target, n ORDER BY target, n.id`,
      };
    }),
  };
}

export const TYPE_CYPHER: Readonly<Record<EntityType, TypeStatements>> = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, typeStatements(type)]),
) as unknown as Record<EntityType, TypeStatements>;

function refCondition(type: EntityType, key: keyof typeof FILTER_REF_FIELDS): string {
  const specs = REL_SPECS[type].filter((s) =>
    (FILTER_REF_FIELDS[key] as readonly string[]).includes(s.field),
  );
  if (specs.length === 0) return 'false';
  return specs
    .map(
      (s) => `EXISTS { MATCH ${pattern(s, 'n', `t:${LABEL_OF[s.target]}`)} WHERE t.id = $${key} }`,
    )
    .join(' OR ');
}

/** An actor that holds a mandate on the issue, or has an interest in it. */
const ACTOR_ISSUE = `(EXISTS { MATCH (n)-[:HOLDS]->(:Mandate)-[:COVERS]->(t:IssueArea) WHERE t.id = $issueId }
  OR EXISTS { MATCH (n)-[:INTERESTED_IN]->(:Interest)-[:INTERESTED_IN]->(t:IssueArea) WHERE t.id = $issueId })`;

/** The conditions of a list filter; the parameters are the filter's own keys. */
export function listConditions(type: EntityType, filter: ListFilter): string[] {
  const where: string[] = [];
  if (filter.nameContains) where.push('n.nameFolded CONTAINS $nameContains');
  if (filter.kind) where.push('n.kind = $kind');
  if (filter.sector) where.push('n.sector = $sector');
  if (filter.levelId) where.push(`(${refCondition(type, 'levelId')})`);
  if (filter.jurisdictionId) where.push(`(${refCondition(type, 'jurisdictionId')})`);
  if (filter.issueId) {
    where.push(type === 'actor' ? ACTOR_ISSUE : `(${refCondition(type, 'issueId')})`);
  }
  return where;
}

/** The page (`$after`, `$limit`) and count statements of a list query. */
export function listCypher(type: EntityType, filter: ListFilter): { page: string; count: string } {
  const conditions = listConditions(type, filter);
  const label = LABEL_OF[type];
  const where = (extra: string[]) =>
    extra.length === 0 ? '' : `\nWHERE ${extra.join('\n  AND ')}`;
  return {
    page: `MATCH (n:${label})${where([...conditions, '($after IS NULL OR n.id > $after)'])}
RETURN n ORDER BY n.id LIMIT $limit`,
    count: `MATCH (n:${label})${where(conditions)}
RETURN count(n) AS total`,
  };
}

/** Every statement, named, for the linter: fixed ones, per type, and each list filter per type. */
export function allStatements(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = Object.entries(CYPHER).map(([name, text]) => ({
    name,
    text,
  }));
  for (const type of ENTITY_TYPES) {
    const s = TYPE_CYPHER[type];
    out.push(
      { name: `${type}.getMany`, text: s.getMany },
      { name: `${type}.delete`, text: s.delete },
      { name: `${type}.upsert`, text: s.upsert },
    );
    for (const ref of s.refs) {
      out.push(
        { name: `${type}.${ref.spec.field}.clear`, text: ref.clear },
        { name: `${type}.${ref.spec.field}.create`, text: ref.create },
        { name: `${type}.${ref.spec.field}.findBy`, text: ref.findBy },
      );
    }
    const every: ListFilter = {
      nameContains: 'x',
      kind: 'x',
      sector: 'x',
      levelId: 'x',
      jurisdictionId: 'x',
      issueId: 'x',
    };
    const { page, count } = listCypher(type, every);
    out.push({ name: `${type}.list`, text: page }, { name: `${type}.count`, text: count });
  }
  return out;
}
