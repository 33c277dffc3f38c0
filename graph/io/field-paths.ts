/** Values at a column's path into an entity: `name`, or `contact.email` inside `contact`. */

type Fields = Record<string, unknown>;

/** The value at `path`, or undefined when any step of it is missing. */
export function getPath(entity: Fields, path: string): unknown {
  return pathReader(path)(entity);
}

/**
 * A function that reads the value at `path` (as getPath), with the path
 * split once: an export reads each column's path of every entity.
 */
export function pathReader(path: string): (entity: Fields) => unknown {
  if (!path.includes('.')) return (entity) => entity[path];
  const keys = path.split('.');
  return (entity) => {
    let at: unknown = entity;
    for (const key of keys) {
      if (typeof at !== 'object' || at === null) return undefined;
      at = (at as Fields)[key];
    }
    return at;
  };
}

/** Sets the value at `path`, making the objects on the way that are missing. */
export function setPath(target: Fields, path: string, value: unknown): void {
  // a top-level field (most columns): no array made for it, once per cell of a file
  if (!path.includes('.')) {
    target[path] = value;
    return;
  }
  const keys = path.split('.');
  let at = target;
  for (let i = 0; i < keys.length - 1; i += 1) {
    const inner = at[keys[i]!];
    at = typeof inner === 'object' && inner !== null ? (inner as Fields) : (at[keys[i]!] = {});
  }
  at[keys[keys.length - 1]!] = value;
}
