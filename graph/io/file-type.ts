/**
 * What a file holds when nobody said: told by its name (actors.csv,
 * Mandates (2).csv, kumu-elements.csv), and when the name does not say, a
 * hint from its headers. Main functions: typeFromName, typeHint.
 */
import { basename, extname } from 'node:path';
import { COLLECTION_OF, ENTITY_TYPES } from '../model/index.js';
import type { EntityType } from '../model/index.js';
import { problemAt } from './report.js';
import type { ImportProblem } from './report.js';
import type { NamedTable } from './sheets.js';
import { matchHeaders, missingColumns } from './table.js';
import { typeNamed } from './type-names.js';

export type TableType = NamedTable['type'];

/**
 * The type a file's name gives: its stem is, or ends with, a Kumu sheet;
 * else what typeNamed reads in it ("berg-mandates-v2", "Interests (1)",
 * "brip-members", "stakeholder-list").
 */
export function typeFromName(filename: string): TableType {
  const stem = basename(filename, extname(filename)).toLowerCase();
  if (/(^|[-_ ])elements$/.test(stem)) return 'kumu-elements';
  if (/(^|[-_ ])connections$/.test(stem)) return 'kumu-connections';
  return typeNamed(stem);
}

/**
 * When a file whose name said nothing was read as `assumed` and misses its
 * required columns, but has every required column of other types: an error
 * saying so, and how to name the type: the types that read the most of its
 * columns, when they read more of them than `assumed` does.
 */
export function typeHint(
  sheet: string,
  headers: readonly string[],
  assumed: EntityType,
): ImportProblem | undefined {
  const read = matchHeaders(assumed, headers);
  if (missingColumns(assumed, read).length === 0) return undefined;
  // the types whose required columns are all there, those that read the most columns first
  const fitting = ENTITY_TYPES.flatMap((t) => {
    const columns = matchHeaders(t, headers);
    if (t === assumed || missingColumns(t, columns).length > 0) return [];
    return [{ t, read: columns.filter(Boolean).length }];
  });
  const most = Math.max(0, ...fitting.map((f) => f.read));
  // a list of names alone fits issues as well as actors: no reason to think it is not actors
  if (most <= read.filter(Boolean).length) return undefined;
  const plural = fitting.filter((f) => f.read === most).map((f) => COLLECTION_OF[f.t]);
  return problemAt(
    sheet,
    1,
    '',
    '',
    'UNKNOWN_FILE_TYPE',
    `the file's name does not say what it holds, so it was read as ${COLLECTION_OF[assumed]}; its columns are those of ${plural.join(' or ')}: name the file ${plural[0]}.csv, or give the type (?type=${plural[0]}, --type ${plural[0]})`,
  );
}
