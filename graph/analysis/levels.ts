/** The function class x government level matrix of an issue (DESIGN.md, "levels"). */
import { FUNCTION_CLASSES } from '../model/index.js';
import type { FunctionClass } from '../model/index.js';
import type { Projection } from './projection.js';
import { scopedMandates } from './scope.js';
import type { ResolvedScope } from './scope.js';

export interface LevelCell {
  functionClass: FunctionClass;
  /** null: actors without a level. */
  levelId: string | null;
  actorIds: string[];
  mandateIds: string[];
  gap: boolean;
  because: string[];
}

export interface LevelMatrix {
  issueId: string;
  levelIds: (string | null)[];
  cells: LevelCell[];
}

export function levelMatrix(p: Projection, s: ResolvedScope): LevelMatrix {
  const mandates = scopedMandates(p, s).map((m) => p.mandates[m]!);
  const noLevel = mandates.some((m) => p.actors[m.holder]!.level < 0);
  const columns: (string | null)[] = [...p.levels.ids, ...(noLevel ? [null] : [])];
  const cells: LevelCell[] = [];
  FUNCTION_CLASSES.forEach((functionClass, c) => {
    for (const levelId of columns) {
      const level = levelId === null ? -1 : p.levels.index.get(levelId)!;
      const filling = mandates.filter((m) => m.fclass === c && p.actors[m.holder]!.level === level);
      const actorIds = [...new Set(filling.map((m) => p.actors[m.holder]!.id))].sort();
      const where = levelId ?? 'no level';
      cells.push({
        functionClass,
        levelId,
        actorIds,
        mandateIds: filling.map((m) => m.id).sort(),
        gap: actorIds.length === 0,
        because:
          actorIds.length === 0
            ? [`no actor at ${where} holds an in-scope ${functionClass} mandate`]
            : [
                `${actorIds.length} actor${actorIds.length === 1 ? '' : 's'} at ${where} hold in-scope ${functionClass} mandates`,
              ],
      });
    }
  });
  return { issueId: p.issues.ids[s.issue]!, levelIds: columns, cells };
}
