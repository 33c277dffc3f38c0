/** Every SQL statement of the SQLite adapter. Values are always parameters. */

export const SQL = {
  getVersion: /* sql */ `SELECT value FROM meta WHERE key = 'version'`,
  bumpVersion: /* sql */ `UPDATE meta SET value = value + 1 WHERE key = 'version' RETURNING value`,
  allEntities: /* sql */ `SELECT type, id, version, data FROM entity ORDER BY type, id`,
  getOne: /* sql */ `SELECT version, data FROM entity WHERE type = ? AND id = ?`,
  getManyJson: /* sql */ `
    SELECT e.id, e.version, e.data FROM json_each(?) AS j
    CROSS JOIN entity e ON e.type = ? AND e.id = j.value`,
  findByRefJson: /* sql */ `
    SELECT r.target, e.id, e.version, e.data FROM json_each(?) AS j
    CROSS JOIN ref r ON r.type = ? AND r.field = ? AND r.target = j.value
    CROSS JOIN entity e ON e.type = r.type AND e.id = r.id
    ORDER BY r.target, e.id`,
  upsert: /* sql */ `
    INSERT INTO entity (type, id, version, name, kind, data) VALUES (?, ?, 1, ?, ?, ?)
    ON CONFLICT (type, id) DO UPDATE SET
      version = version + 1, name = excluded.name, kind = excluded.kind, data = excluded.data
    RETURNING version`,
  deleteEntity: /* sql */ `DELETE FROM entity WHERE type = ? AND id = ?`,
  /** References of many entities at once: a JSON array of [field, target, id], deleted by key. */
  deleteRefsJson: /* sql */ `
    DELETE FROM ref WHERE type = ? AND (field, target, id) IN (
      SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM json_each(?) AS j)`,
  insertRef: /* sql */ `INSERT OR IGNORE INTO ref (type, id, field, target) VALUES (?, ?, ?, ?)`,
  /** Versions of the given ids (a JSON array) of one type. CROSS JOIN keeps json_each first: see sqlite-store.test.ts. */
  versionsJson: /* sql */ `
    SELECT e.id, e.version, e.data FROM json_each(?) AS j CROSS JOIN entity e ON e.type = ? AND e.id = j.value`,
  insertEntity: /* sql */ `INSERT INTO entity (type, id, version, name, kind, data) VALUES (?, ?, 1, ?, ?, ?)`,
  updateEntity: /* sql */ `UPDATE entity SET version = ?, name = ?, kind = ?, data = ? WHERE type = ? AND id = ?`,

  /** References of many entities at once: a JSON array of [id, target] pairs for one field. */
  insertRefsJson: /* sql */ `
    INSERT OR IGNORE INTO ref (type, id, field, target)
    SELECT ?, j.value ->> 0, ?, j.value ->> 1 FROM json_each(?) AS j`,
  ping: /* sql */ `SELECT 1 AS ok`,
} as const;

/** Fragments of the list query, joined with AND; `e` is the listed entity. */
export const LIST_SQL = {
  select: /* sql */ `SELECT e.id, e.version, e.data FROM entity e WHERE e.type = ?`,
  count: /* sql */ `SELECT count(*) AS n FROM entity e WHERE e.type = ?`,
  after: /* sql */ `e.id > ?`,
  nameContains: /* sql */ `instr(mm_fold(e.name), ?) > 0`,
  kind: /* sql */ `e.kind = ?`,
  sector: /* sql */ `json_extract(e.data, '$.sector') = ?`,
  refIn: (fields: readonly string[]): string => /* sql */ `EXISTS (
    SELECT 1 FROM ref r WHERE r.type = e.type AND r.id = e.id
    AND r.field IN (${fields.map(() => '?').join(', ')}) AND r.target = ?)`,
  /** An actor that holds a mandate on, or has an interest in, an issue. */
  actorIssue: /* sql */ `(
    EXISTS (SELECT 1 FROM ref h JOIN ref i
      ON i.type = 'mandate' AND i.id = h.id AND i.field = 'issueIds' AND i.target = ?
      WHERE h.type = 'mandate' AND h.field = 'holderId' AND h.target = e.id)
    OR EXISTS (SELECT 1 FROM ref a JOIN ref i
      ON i.type = 'interest' AND i.id = a.id AND i.field = 'issueId' AND i.target = ?
      WHERE a.type = 'interest' AND a.field = 'actorId' AND a.target = e.id))`,
  order: /* sql */ `ORDER BY e.id LIMIT ?`,
} as const;
