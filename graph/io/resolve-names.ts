/**
 * References by name. A reference cell may hold an id or the exact name of
 * an entity (already stored or in the same file); a reference that names
 * nothing is refused with the entity it likely means ("did you mean
 * 'dws'?"): its id in another case, or a look-alike name, misspelt words
 * aside. Main function: resolveNames.
 */
import { ENTITY_TYPES, deriveId } from '../model/index.js';
import type { EntityType, GraphState } from '../model/index.js';
import { COLUMNS } from './columns.js';
import type { CellAt, ImportRow } from './import-plan.js';
import { splitValues } from './multi-values.js';
import { duplicateKey, idsByName, nameKey } from './name-keys.js';
import { problemAt, withArticle } from './report.js';
import { Spellings } from './spelling.js';
import type { ImportProblem } from './report.js';

interface Known {
  /** Ids in the store or in the file. */
  has(id: string): boolean;
  /** Ids by name key; worked out the first time a value is not an id (most files use ids). */
  byName(): Map<string, Set<string>>;
  /** The one entity a value that names none may mean: its id in another case, or a look-alike name. */
  likelyMeant(value: string): Named | undefined;
}

export interface Named {
  id: string;
  name?: string;
}

/** Entities under a key, with a key kept only while it leads to one entity. */
class OneByKey {
  private readonly map = new Map<string, Named | null>();
  add(key: string, entity: Named): void {
    const had = this.map.get(key);
    if (had === undefined) this.map.set(key, entity);
    else if (had && had.id !== entity.id) this.map.set(key, null);
  }
  get(key: string): Named | undefined {
    return this.map.get(key) ?? undefined;
  }
}

/**
 * What a reference that names nothing likely means: the one entity whose id
 * is the value in another case, or else whose name is a look-alike of it (a
 * misspelt word aside: the words of the entities' names tell misspellings).
 */
export function likelyMeantAmong(
  entities: Iterable<{ id: string; name?: unknown }>,
): (value: string) => Named | undefined {
  const byId = new OneByKey();
  const spellings = new Spellings();
  const named: { entity: Named; key: string }[] = [];
  for (const { id, name } of entities) {
    const isNamed = typeof name === 'string' && name.trim() !== '';
    const entity = isNamed ? { id, name } : { id };
    byId.add(id.toLowerCase(), entity);
    if (!isNamed) continue;
    const key = duplicateKey(name);
    spellings.add(key);
    named.push({ entity, key });
  }
  const byName = new OneByKey();
  for (const { entity, key } of named) byName.add(spellings.canonical(key), entity);
  return (value) =>
    byId.get(value.toLowerCase()) ?? byName.get(spellings.meantBy(duplicateKey(value)));
}

/** The end of an unknown reference's message: the entity it likely means, if any. */
export function didYouMean(meant: Named | undefined): string {
  if (!meant) return '';
  const name = meant.name && meant.name !== meant.id ? ` (${meant.name})` : '';
  return `; did you mean '${meant.id}'${name}?`;
}

/** What the store and the file hold of a type, worked out the first time a reference needs it. */
function knownEntities(rows: readonly ImportRow[], state: GraphState): (type: EntityType) => Known {
  const knownOf = (type: EntityType): Known => {
    const stored = state.entities[type];
    const inFile: { id: string; name: unknown }[] = [];
    for (const row of rows) {
      if (row.type !== type) continue;
      const id = deriveId(type, row.input);
      if (id) inFile.push({ id, name: row.input.name });
    }
    const ids = new Set(inFile.map((e) => e.id));
    let names: Map<string, Set<string>> | undefined;
    let meant: ((value: string) => Named | undefined) | undefined;
    return {
      has: (id) => stored.has(id) || ids.has(id),
      byName: () => (names ??= idsByName(stored.values(), inFile)),
      likelyMeant: (value) => {
        meant ??= likelyMeantAmong([...stored.values(), ...inFile]);
        return meant(value);
      },
    };
  };
  const known = new Map<EntityType, Known>();
  return (type) => known.get(type) ?? known.set(type, knownOf(type)).get(type)!;
}

/** The columns of each type that hold references. */
const REF_COLUMNS = Object.fromEntries(
  ENTITY_TYPES.map((t) => [t, COLUMNS[t].filter((c) => c.ref)]),
) as Record<EntityType, (typeof COLUMNS)[EntityType]>;

/** Replaces, in place, reference cells that name an entity by its exact name with its id; returns ambiguities. */
export function resolveNames(rows: ImportRow[], state: GraphState): ImportProblem[] {
  const knownOf = knownEntities(rows, state);
  const problems: ImportProblem[] = [];
  /** The one id a value names, by id or by name, or undefined. */
  const idOf = (target: EntityType, value: string): string | undefined => {
    const known = knownOf(target);
    if (known.has(value)) return value;
    const ids = known.byName().get(nameKey(value));
    return ids?.size === 1 ? [...ids][0]! : undefined;
  };
  /**
   * `at`: the cell the value came from, when not the row's own (a members
   * sheet's row); `single`: the field holds one reference, not a list.
   */
  const resolve = (
    row: ImportRow,
    field: string,
    target: EntityType,
    value: string,
    at?: CellAt,
    single = false,
  ): string => {
    const id = idOf(target, value);
    if (id !== undefined) return id;
    const known = knownOf(target);
    // none, or several (one would have been found)
    const ids = known.byName().get(nameKey(value));
    const refuse = (code: string, message: string) => {
      (row.invalid ??= new Set()).add(field);
      const cell = at ?? { sheet: row.sheet, row: row.row, column: row.columns?.[field] ?? field };
      problems.push(problemAt(cell.sheet, cell.row, cell.column, value, code, message));
    };
    // several entities in a cell that takes one ("dws|wrc" as a mandate's holder)
    const parts = !ids && single ? splitValues(value) : [];
    const named = parts.map((part) => idOf(target, part));
    if (parts.length > 1 && named.every((id) => id !== undefined)) {
      const what =
        row.type === 'mandate'
          ? 'a mandate has one holder: give each holder a row of its own, with its own id'
          : `${withArticle(row.type)} takes one ${target} here`;
      refuse(
        'INVALID_INPUT',
        `'${value}' names ${parts.length} ${target}s (${named.join(', ')}), but ${what}`,
      );
      return value;
    }
    if (!ids) {
      const hint = didYouMean(known.likelyMeant(value));
      refuse('UNKNOWN_REFERENCE', `no ${target} has the id or the name '${value}'${hint}`);
    } else {
      refuse(
        'AMBIGUOUS_NAME',
        `'${value}' names ${ids.size} ${target}s (${[...ids].join(', ')}); use the id`,
      );
    }
    return value;
  };
  for (const row of rows) {
    for (const column of REF_COLUMNS[row.type]) {
      const target = column.ref!;
      const value = row.input[column.field];
      if (typeof value === 'string')
        row.input[column.field] = resolve(row, column.field, target, value, undefined, true);
      else if (column.kind === 'members' && Array.isArray(value)) {
        const members = value as { actorId: string }[];
        for (let k = 0; k < members.length; k += 1) {
          const m = members[k]!;
          m.actorId = resolve(row, column.field, target, m.actorId, row.memberAt?.[k]);
        }
      } else if (Array.isArray(value)) {
        const list = value as string[];
        for (let k = 0; k < list.length; k += 1)
          list[k] = resolve(row, column.field, target, list[k]!);
      }
    }
  }
  return problems;
}
