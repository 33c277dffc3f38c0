/** Every SQL statement of the SQLite adapter. Values are always parameters. */

export const SQL = {
  getVersion: /* sql */ `SELECT value FROM meta WHERE key = 'version'`,
  bumpVersion: /* sql */ `UPDATE meta SET value = value + 1 WHERE key = 'version' RETURNING value`,
  allEntities: /* sql */ `SELECT type, id, version, data FROM entity ORDER BY type, id`,
  getOne: /* sql */ `SELECT version, data FROM entity WHERE type = ? AND id = ?`,
  getManyJson: /* sql */ `
    SELECT e.id, e.version, e.data FROM json_each(?) AS j
    CROSS JOIN entity e ON e.type = ? AND e.id = j.value`,
  /**
   * Entities of a type whose reference at a JSON path (one id or a list of
   * ids) names one of the ids of a JSON array. References are not indexed
   * (schema version 3): this reads every entity of the type.
   */
  findByRefJson: /* sql */ `
    SELECT DISTINCT r.value AS target, e.id, e.version, e.data
    FROM entity e CROSS JOIN json_each(e.data, ?) AS r
    WHERE e.type = ? AND r.value IN (SELECT value FROM json_each(?))
    ORDER BY e.id`,
  /** The same for partnership members, whose references are `members[].actorId`. */
  findByMemberJson: /* sql */ `
    SELECT DISTINCT r.value ->> '$.actorId' AS target, e.id, e.version, e.data
    FROM entity e CROSS JOIN json_each(e.data, '$.members') AS r
    WHERE e.type = ? AND r.value ->> '$.actorId' IN (SELECT value FROM json_each(?))
    ORDER BY e.id`,
  deleteEntity: /* sql */ `DELETE FROM entity WHERE type = ? AND id = ?`,
  anyOfType: /* sql */ `SELECT EXISTS (SELECT 1 FROM entity WHERE type = ?) AS found`,

  ping: /* sql */ `SELECT 1 AS ok`,
} as const;

/** Rows written per statement by an upsert of many entities. */
export const UPSERT_BATCH = 100;

/**
 * Writes `rows` entity rows at once, each given as (type, id, name, kind,
 * data): one statement per hundred rows instead of one per row (an import of
 * 300,000 mandates: ~1.5 s -> ~0.9 s). A new row has version 1, a replaced
 * one its version plus one. With `returning`, the statement gives each row's
 * id and version, in no set order; without, the caller knows that every
 * row is new.
 */
export function upsertRowsSql(rows: number, returning: boolean): string {
  return /* sql */ `INSERT INTO entity (type, id, version, name, kind, data)
    VALUES ${Array.from({ length: rows }, () => '(?, ?, 1, ?, ?, ?)').join(', ')}
    ON CONFLICT (type, id) DO UPDATE SET
      version = entity.version + 1, name = excluded.name, kind = excluded.kind, data = excluded.data
    ${returning ? 'RETURNING id, version' : ''}`;
}

/** Fragments of the list query, joined with AND; `e` is the listed entity. */
export const LIST_SQL = {
  select: /* sql */ `SELECT e.id, e.version, e.data FROM entity e WHERE e.type = ?`,
  count: /* sql */ `SELECT count(*) AS n FROM entity e WHERE e.type = ?`,
  after: /* sql */ `e.id > ?`,
  nameContains: /* sql */ `instr(mm_fold(e.name), ?) > 0`,
  kind: /* sql */ `e.kind = ?`,
  sector: /* sql */ `json_extract(e.data, '$.sector') = ?`,
  /** The reference at a JSON path (one id or a list of ids) names an id; one per field, joined with OR. */
  refAt: /* sql */ `EXISTS (SELECT 1 FROM json_each(e.data, ?) AS r WHERE r.value = ?)`,
  /** An actor that holds a mandate on, or has an interest in, an issue (each subquery runs once). */
  actorIssue: /* sql */ `(
    e.id IN (SELECT m.data ->> '$.holderId' FROM entity m CROSS JOIN json_each(m.data, '$.issueIds') AS i
      WHERE m.type = 'mandate' AND i.value = ?)
    OR e.id IN (SELECT a.data ->> '$.actorId' FROM entity a
      WHERE a.type = 'interest' AND a.data ->> '$.issueId' = ?))`,
  order: /* sql */ `ORDER BY e.id LIMIT ?`,
} as const;
