/**
 * Kumu's Elements and Connections (sheets or CSVs) -> actors and ties. Kumu's
 * types are free-form: an element's becomes the nearest actor kind, else
 * other; a connection's is read as a tie kind, and a connection without one
 * is taken for a collaboration. Main functions: kumuElements, kumuConnections.
 */
import { ACTOR_KINDS } from '../model/index.js';
import type { ActorKind, Sector } from '../model/index.js';
import { normaliseEnum } from './columns.js';
import { problemAt as warning } from './report.js';
import type { ImportProblem } from './report.js';
import { fromHeader, matchHeaders, rowsFromTable, withColumnsInFront } from './table.js';
import type { Table, TableRows } from './table.js';

const SECTOR_OF_KIND: Record<ActorKind, Sector> = {
  department: 'public',
  municipality: 'public',
  public_entity: 'public',
  business: 'private',
  industry_body: 'private',
  ngo: 'civil_society',
  community_group: 'civil_society',
  research: 'academic',
  international: 'public',
  other: 'civil_society',
};

/** Kumu elements: free-form types become the nearest actor kind (else other), and a missing sector follows the kind. */
export function kumuElements(name: string, whole: Table): TableRows {
  // Kumu names an element by its Label: the header is the row that has one
  const { table, warning: above } = fromHeader(name, whole, (cells) =>
    cells.some((h) => h.trim().toLowerCase() === 'label'),
  );
  const header = table.rows[0] ?? [];
  const hasSector = header.some((h) => h.trim().toLowerCase() === 'sector');
  const typeColumn = header.findIndex((h) => h.trim().toLowerCase() === 'type');
  const extra: ImportProblem[] = [];
  // lines whose type names no kind: a stored actor keeps its own
  const unknownType = new Set<number>();
  // Derived columns the file lacks go in front of its own, so a row shorter or
  // longer than the header cannot shift them.
  const added = [...(typeColumn < 0 ? ['Type'] : []), ...(hasSector ? [] : ['Sector'])];
  const rows = table.rows.map((cells, k) => {
    if (k === 0) return [...added, ...cells];
    const raw = typeColumn >= 0 ? (cells[typeColumn] ?? '') : '';
    let kind = normaliseEnum(raw, ACTOR_KINDS) as ActorKind;
    if (!ACTOR_KINDS.includes(kind)) {
      extra.push(
        warning(
          name,
          table.lines[k] ?? k + 1,
          'Type',
          raw,
          'KUMU_TYPE',
          `element type '${raw}' is not an actor kind; imported as 'other' (a stored actor keeps its kind)`,
        ),
      );
      unknownType.add(table.lines[k] ?? k + 1);
      kind = 'other';
    }
    const own = [...cells];
    if (typeColumn >= 0) {
      while (own.length < typeColumn) own.push('');
      own[typeColumn] = kind;
    }
    const derived = [
      ...(typeColumn < 0 ? [kind] : []),
      ...(hasSector ? [] : [SECTOR_OF_KIND[kind]]),
    ];
    return [...derived, ...own];
  });
  const result = rowsFromTable(
    'actor',
    name,
    withColumnsInFront(table, rows, added.length),
    added.length,
  );
  // a kind or sector the file does not give is assumed for new actors only
  const given = result.rows[0]?.keepStored ?? [];
  const keepStored = hasSector ? given : [...given, 'sector'];
  const keepKind = [...keepStored, 'kind'];
  for (const row of result.rows) {
    const kept = typeColumn < 0 || unknownType.has(row.row) ? keepKind : keepStored;
    if (kept.length > 0) row.keepStored = kept;
  }
  if (!hasSector && rows.length > 1) {
    extra.push(
      warning(
        name,
        table.lines[0] ?? 1,
        'Sector',
        '',
        'SECTOR_ASSUMED',
        'no Sector column: each new element takes the sector of its kind (a stored actor keeps its own)',
      ),
    );
  }
  return { ...result, warnings: [...(above ? [above] : []), ...result.warnings, ...extra] };
}

/** The tie kind a Kumu connection without a type is taken to be. */
const UNTYPED_CONNECTION = 'collaborates';

/**
 * Kumu connections: From, To and a free-form Type, read as a tie kind
 * ("Funding" -> funds). A connection without a type (Kumu needs none) is
 * imported as a collaboration, with a warning; so is every connection of a
 * sheet without a Type column. A type that names no tie kind is refused.
 */
export function kumuConnections(name: string, whole: Table): TableRows {
  const fieldsOf = (cells: readonly string[]) =>
    matchHeaders(
      'tie',
      cells.map((h) => h.trim()),
    ).map((c) => c?.field);
  const hasEnds = (cells: string[]) => {
    const fields = fieldsOf(cells);
    return fields.includes('fromId') && fields.includes('toId');
  };
  const { table, warning: above } = fromHeader(name, whole, hasEnds);
  const header = table.rows[0] ?? [];
  // without From and To, the reader says which columns are missing
  if (!hasEnds(header)) return rowsFromTable('tie', name, whole);
  const kindColumn = fieldsOf(header).indexOf('kind');
  const extra: ImportProblem[] = [];
  let rows = table.rows;
  let added = 0;
  if (kindColumn < 0) {
    added = 1;
    rows = rows.map((cells, k) => [k === 0 ? 'Type' : UNTYPED_CONNECTION, ...cells]);
    if (rows.length > 1) {
      extra.push(
        warning(
          name,
          table.lines[0] ?? 1,
          'Type',
          '',
          'KUMU_TYPE',
          `no Type column: each connection is imported as '${UNTYPED_CONNECTION}'`,
        ),
      );
    }
  } else {
    const untyped: number[] = [];
    rows = rows.map((cells, k) => {
      if (k === 0 || (cells[kindColumn] ?? '').trim() !== '') return cells;
      if (cells.every((c) => c.trim() === '')) return cells;
      untyped.push(table.lines[k] ?? k + 1);
      const typed = [...cells];
      while (typed.length < kindColumn) typed.push('');
      typed[kindColumn] = UNTYPED_CONNECTION;
      return typed;
    });
    if (untyped.length > 0) {
      const others = untyped.length - 1;
      extra.push(
        warning(
          name,
          untyped[0]!,
          header[kindColumn]!.trim(),
          '',
          'KUMU_TYPE',
          `a connection without a type is imported as '${UNTYPED_CONNECTION}'${others > 0 ? ` (and ${others} more below)` : ''}`,
        ),
      );
    }
  }
  const result = rowsFromTable('tie', name, withColumnsInFront(table, rows, added), added);
  return { ...result, warnings: [...(above ? [above] : []), ...result.warnings, ...extra] };
}
