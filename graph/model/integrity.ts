/**
 * Referential rules over a whole graph: every reference names an existing
 * entity, and no parent chain loops. Pure: it reads a view of the graph as it
 * would be after a change.
 */
import { GraphError } from '../errors.js';
import { ENTITY_TYPES, REF_SPECS, TREE_TYPES, refTarget, refTargets } from './entities.js';
import type { AnyEntity, EntityType, RefSpec } from './entities.js';

export interface GraphView {
  get(type: EntityType, id: string): AnyEntity | undefined;
}

function unknownReference(
  type: EntityType,
  entity: AnyEntity,
  spec: RefSpec,
  target: string,
): GraphError {
  return new GraphError(
    'UNKNOWN_REFERENCE',
    `${type} '${entity.id}' refers to unknown ${spec.target} '${target}' in ${spec.field}`,
    { type, id: entity.id, field: spec.field, targetType: spec.target, value: target },
  );
}

const NO_PROBLEMS: readonly GraphError[] = Object.freeze([]);

/** Every reference of an entity that names nothing in the view, one error each (none: an empty list). */
export function referenceProblems(
  view: GraphView,
  type: EntityType,
  entity: AnyEntity,
): readonly GraphError[] {
  let problems: GraphError[] | undefined;
  for (const spec of REF_SPECS[type]) {
    const value = (entity as Record<string, unknown>)[spec.field];
    if (value === undefined || value === null) continue;
    // one id or a list (refTargets' shapes), read in place: an import checks millions
    if (typeof value === 'string') {
      if (!view.get(spec.target, value))
        (problems ??= []).push(unknownReference(type, entity, spec, value));
      continue;
    }
    const list = value as unknown[];
    for (let k = 0; k < list.length; k += 1) {
      const target = refTarget(spec, list[k]);
      if (!view.get(spec.target, target))
        (problems ??= []).push(unknownReference(type, entity, spec, target));
    }
  }
  return problems ?? NO_PROBLEMS;
}

/** Throws CYCLE when following `parentId` up from `id` comes back to a node already seen. */
export function checkNoCycle(view: GraphView, type: EntityType, id: string): void {
  if (!(TREE_TYPES as readonly EntityType[]).includes(type)) return;
  const chain: string[] = [id];
  const seen = new Set(chain);
  let current = view.get(type, id) as { parentId?: string } | undefined;
  while (current?.parentId) {
    const parent = current.parentId;
    chain.push(parent);
    if (seen.has(parent)) {
      throw new GraphError(
        'CYCLE',
        `${type} '${id}' would be its own ancestor: ${chain.join(' -> ')}`,
        { type, id, field: 'parentId', chain },
      );
    }
    seen.add(parent);
    current = view.get(type, parent) as { parentId?: string } | undefined;
  }
}

export interface Referrer {
  type: EntityType;
  id: string;
  field: string;
}

/** Every entity that references `type`/`id`, found by a scan of the entities that can. */
export function findReferrers(
  entities: Record<EntityType, Map<string, AnyEntity>>,
  type: EntityType,
  id: string,
): Referrer[] {
  const out: Referrer[] = [];
  for (const referrerType of ENTITY_TYPES) {
    const specs = REF_SPECS[referrerType].filter((s) => s.target === type);
    if (specs.length === 0) continue;
    for (const entity of entities[referrerType].values()) {
      for (const spec of specs) {
        if (refTargets(entity, spec).includes(id)) {
          out.push({ type: referrerType, id: entity.id, field: spec.field });
        }
      }
    }
  }
  return out;
}
