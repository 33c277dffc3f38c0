import { GraphError } from '../errors.js';
import { checkNoCycle, parseEntity, referenceProblems, withoutVersion } from '../model/index.js';
import type { AnyEntity, EntityMap, EntityType, Upsert } from '../model/index.js';
import { inTurns } from '../turns.js';
import type { Overlay } from './overlay.js';

/**
 * Deep equality of two JSON-shaped values, ignoring key order and keys whose
 * value is undefined; `ignore` is a key of `a` itself (not of the values in
 * it) left out. Written with plain loops: a re-import compares each of its
 * rows with the stored entity, 300,000 times for a list of mandates.
 */
function same(a: unknown, b: unknown, ignore?: string): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // the defined keys of `a`, less those of `b`: zero when both have as many
  let defined = 0;
  for (const key of Object.keys(x)) {
    const value = x[key];
    if (value === undefined || key === ignore) continue;
    defined += 1;
    if (!same(value, y[key])) return false;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) defined -= 1;
  return defined === 0;
}

/** Deep equality of two JSON-shaped values, ignoring key order and keys whose value is undefined. */
export function sameEntity(a: unknown, b: unknown): boolean {
  return same(a, b);
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** Plans one upsert into the overlay; reference and cycle checks run later over the whole change. */
export function planUpsert(overlay: Overlay, type: EntityType, entity: AnyEntity): UpsertOutcome {
  const existing = overlay.get(type, entity.id);
  // the stored entity carries the store's version, which the parsed one does not
  if (existing && same(existing, entity, 'version')) return 'unchanged';
  overlay.put({ type, entity } as Upsert);
  return existing ? 'updated' : 'created';
}

/**
 * Checks every planned upsert against the graph as it would be after the
 * change, and returns each failure with its entity: every reference that
 * names nothing (UNKNOWN_REFERENCE), then a loop of parents (CYCLE).
 */
export function findPlannedProblems(overlay: Overlay): PlannedProblem[] {
  const problems: PlannedProblem[] = [];
  const { upserts } = overlay.changeSet();
  checkUpserts(overlay, upserts, 0, upserts.length, problems);
  if (problems.length === 0) overlay.markChecked();
  return problems;
}

/**
 * findPlannedProblems in chunks of `size` upserts, with a turn of the event
 * loop between them (the 300,000 mandates of a large import take ~0.4 s).
 * Nothing else may plan into `overlay` meanwhile.
 */
export async function findPlannedProblemsInTurns(
  overlay: Overlay,
  size: number,
): Promise<PlannedProblem[]> {
  const problems: PlannedProblem[] = [];
  const { upserts } = overlay.changeSet();
  await inTurns(upserts.length, size, (start, end) =>
    checkUpserts(overlay, upserts, start, end, problems),
  );
  if (problems.length === 0) overlay.markChecked();
  return problems;
}

export interface PlannedProblem {
  type: EntityType;
  id: string;
  error: GraphError;
}

function checkUpserts(
  overlay: Overlay,
  upserts: readonly Upsert[],
  start: number,
  end: number,
  problems: PlannedProblem[],
): void {
  for (let i = start; i < end; i += 1) {
    const { type, entity } = upserts[i]!;
    for (const error of referenceProblems(overlay, type, entity))
      problems.push({ type, id: entity.id, error });
    try {
      checkNoCycle(overlay, type, entity.id);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      problems.push({ type, id: entity.id, error });
    }
  }
}

/** Throws the first problem of the planned change, if any (a change checked since it was last planned is not checked again). */
export function checkPlanned(overlay: Overlay): void {
  if (overlay.checked) return;
  const [first] = findPlannedProblems(overlay);
  if (first) throw first.error;
}

/**
 * The entity an update produces: the stored one with the patch's fields laid
 * over it (null clears a field), parsed whole again.
 */
export function patchEntity<K extends EntityType>(
  type: K,
  existing: EntityMap[K],
  patch: Record<string, unknown>,
): EntityMap[K] {
  const merged: Record<string, unknown> = { ...withoutVersion(existing) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  const next = parseEntity(type, merged);
  if (next.id !== existing.id) {
    throw new GraphError(
      'INVALID_INPUT',
      `the ends of a ${type} identify it: delete '${existing.id}' and create another instead`,
      { type, id: existing.id, problems: [{ path: 'id', message: 'ends cannot change' }] },
    );
  }
  return next;
}
