import { GraphError, isGraphError } from '../../errors.js';

const UNAVAILABLE: Record<string, string> = {
  SQLITE_BUSY: 'the database is busy; try again',
  SQLITE_LOCKED: 'the database is locked; try again',
  SQLITE_FULL: 'the disk is full; nothing was written',
  SQLITE_READONLY: 'the database is read-only; nothing was written',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
  SQLITE_IOERR: 'the database could not be read or written',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_NOTADB: 'the file is not a SQLite database',
};

/** The one place SQLite driver errors become GraphErrors. */
export function translateSqliteError(error: unknown): unknown {
  if (isGraphError(error)) return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return error;
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new GraphError('CONFLICT', 'the change conflicts with stored data', {
      driverCode: code,
    });
  }
  const base = Object.keys(UNAVAILABLE).find((k) => code === k || code.startsWith(`${k}_`));
  if (base) {
    return new GraphError('STORE_UNAVAILABLE', UNAVAILABLE[base]!, { driverCode: code });
  }
  return error;
}
