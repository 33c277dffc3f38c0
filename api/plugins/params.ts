/**
 * The parameters of a REST route, from its query string and form fields:
 * a name the route does not take is refused (`?dryrun=true` must not pass
 * for nothing and let an import commit), and so is one given twice with
 * different values.
 */
import { GraphError } from '../../graph/index.js';

/** "dry-run", "DryRun" and "dry_run" all read as "dryrun". */
const looseKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function unknownParameter(route: string, name: string, known: readonly string[]): GraphError {
  const meant = known.find((k) => looseKey(k) === looseKey(name));
  const takes = known.map((k) => `'${k}'`).join(', ');
  return new GraphError(
    'INVALID_INPUT',
    meant
      ? `unknown parameter '${name}': did you mean '${meant}'? Nothing was done`
      : `unknown parameter '${name}'; ${route} takes ${takes}. Nothing was done`,
    { field: name, reason: 'UNKNOWN_PARAMETER' },
  );
}

/**
 * One value for each parameter given, by name. `sources` are read in order
 * (query string, then form fields); a value may be a list when the name
 * was repeated.
 */
export function readParams<K extends string>(
  route: string,
  known: readonly K[],
  ...sources: Iterable<[string, unknown]>[]
): Partial<Record<K, string>> {
  const values = new Map<K, string>();
  for (const source of sources) {
    for (const [name, value] of source) {
      if (!(known as readonly string[]).includes(name)) throw unknownParameter(route, name, known);
      for (const text of (Array.isArray(value) ? value : [value]).map(String)) {
        const earlier = values.get(name as K);
        if (earlier !== undefined && earlier !== text) {
          throw new GraphError(
            'INVALID_INPUT',
            `'${name}' is given twice, as '${earlier}' and '${text}': give it once. Nothing was done`,
            { field: name, reason: 'REPEATED_PARAMETER' },
          );
        }
        values.set(name as K, text);
      }
    }
  }
  return Object.fromEntries(values) as Partial<Record<K, string>>;
}
