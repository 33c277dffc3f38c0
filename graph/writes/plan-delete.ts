import { GraphError } from '../errors.js';
import { REF_SPECS, findReferrers, refTargets } from '../model/index.js';
import type { AnyEntity, EntityType, RefSpec, Upsert } from '../model/index.js';
import type { Overlay } from './overlay.js';

export interface DeleteOutcome {
  deleted: { type: EntityType; id: string }[];
  updated: { type: EntityType; id: string }[];
}

function describeReferrers(refs: { type: EntityType }[]): string {
  const counts = new Map<EntityType, number>();
  refs.forEach((r) => counts.set(r.type, (counts.get(r.type) ?? 0) + 1));
  return [...counts].map(([t, n]) => `${n} ${t}${n === 1 ? '' : 's'}`).join(', ');
}

/** The referrer without its reference to `targetId`, or null when it cannot exist without it. */
function dropReference(entity: AnyEntity, spec: RefSpec, targetId: string): AnyEntity | null {
  const record = { ...(entity as unknown as Record<string, unknown>) };
  const value = record[spec.field];
  switch (spec.mode) {
    case 'required':
      return null;
    case 'optional':
      delete record[spec.field];
      break;
    case 'list':
    case 'nonEmptyList': {
      const rest = (value as string[]).filter((v) => v !== targetId);
      if (rest.length === 0 && spec.mode === 'nonEmptyList') return null;
      record[spec.field] = rest;
      break;
    }
    case 'members':
      record[spec.field] = (value as { actorId: string }[]).filter((m) => m.actorId !== targetId);
      break;
  }
  return record as unknown as AnyEntity;
}

/**
 * Plans the deletion of one entity into `overlay`. Without `cascade`, an entity
 * that others reference is refused with IN_USE; with it, each referrer loses
 * the reference, or is deleted in turn when it cannot exist without it.
 */
export function planDelete(
  overlay: Overlay,
  type: EntityType,
  id: string,
  cascade: boolean,
): DeleteOutcome {
  const outcome: DeleteOutcome = { deleted: [], updated: [] };
  const queue: { type: EntityType; id: string }[] = [{ type, id }];
  const entities = overlay.state.entities as unknown as Record<EntityType, Map<string, AnyEntity>>;
  while (queue.length > 0) {
    const target = queue.shift()!;
    if (!overlay.get(target.type, target.id)) continue;
    overlay.remove(target.type, target.id);
    outcome.deleted.push(target);
    const referrers = findReferrers(entities, target.type, target.id).filter(
      (r) => overlay.get(r.type, r.id) !== undefined,
    );
    if (referrers.length > 0 && !cascade) {
      throw new GraphError(
        'IN_USE',
        `${target.type} '${target.id}' is referenced by ${describeReferrers(referrers)}; ` +
          'remove those references first or delete with cascade',
        { type: target.type, id: target.id, referrers: referrers.slice(0, 50) },
      );
    }
    for (const ref of referrers) {
      const current = overlay.get(ref.type, ref.id);
      const spec = REF_SPECS[ref.type].find((s) => s.field === ref.field);
      if (!current || !spec || !refTargets(current, spec).includes(target.id)) continue;
      const next = dropReference(current, spec, target.id);
      if (next === null) {
        queue.push({ type: ref.type, id: ref.id });
      } else {
        overlay.put({ type: ref.type, entity: next } as Upsert);
        if (!outcome.updated.some((u) => u.type === ref.type && u.id === ref.id)) {
          outcome.updated.push({ type: ref.type, id: ref.id });
        }
      }
    }
  }
  outcome.updated = outcome.updated.filter((u) => !overlay.isDeleted(u.type, u.id));
  return outcome;
}
