/**
 * The executable schema: SDL files joined at boot, every enum mapped onto the
 * model's lower-case values, and the scalars. Field resolvers are added by mercurius.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { Kind, parse } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { DateScalar, JsonScalar } from './scalars.js';

/** SDL lives beside the sources; from dist/ it is read from the source tree. */
function schemaDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes('/dist/')
    ? here.replace(/\/dist\/api\/graphql\/?$/, '/api/graphql/schema')
    : `${here.replace(/\/$/, '')}/schema`;
}

export function loadTypeDefs(): string {
  const dir = schemaDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'common.graphql' ? -1 : b === 'common.graphql' ? 1 : a.localeCompare(b)))
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
    .join('\n');
}

/** UPPER_SNAKE GraphQL enum values <-> the model's lower_snake values, for every enum in the SDL. */
export function enumResolvers(document: DocumentNode): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const def of document.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    out[def.name.value] = Object.fromEntries(
      (def.values ?? []).map((v) => [v.name.value, v.name.value.toLowerCase()]),
    );
  }
  return out;
}

export function buildSchema(): GraphQLSchema {
  const typeDefs = loadTypeDefs();
  return makeExecutableSchema({
    typeDefs,
    resolvers: { ...enumResolvers(parse(typeDefs)), Date: DateScalar, JSON: JsonScalar },
  });
}
