/**
 * Kumu's Elements (a sheet or CSV) -> actors. Kumu's types are free-form: an
 * element's becomes the nearest actor kind, else other. Main function:
 * kumuElements.
 */
import { ACTOR_KINDS } from '../model/index.js';
import type { ActorKind, Sector } from '../model/index.js';
import { normaliseEnum } from './enum-values.js';
import { problemAt as warning } from './report.js';
import type { ImportProblem } from './report.js';
import { fromHeader, rowsFromTable, withColumnsInFront } from './table.js';
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
