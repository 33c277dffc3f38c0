/**
 * Authorisation of GraphQL operations: the top-level fields of every
 * operation in a document are checked against the caller's role before
 * anything runs. Fields are classified in api/auth/roles.ts; an unclassified
 * mutation is refused (and buildApp refuses to start with one).
 */
import { Kind } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  SelectionSetNode,
} from 'graphql';
import { AccessError } from '../auth/access-error.js';
import { MUTATION_ROLES, SENSITIVE_QUERY_ROLES, allows } from '../auth/roles.js';
import type { Role } from '../auth/roles.js';
import type { Principal } from '../auth/tokens.js';

type OperationKind = 'query' | 'mutation' | 'subscription';

/** The top-level field names of each operation, through fragments. */
export function topLevelFields(document: DocumentNode): { kind: OperationKind; field: string }[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const out: { kind: OperationKind; field: string }[] = [];
  const walk = (set: SelectionSetNode, kind: OperationKind, seen: Set<string>) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) out.push({ kind, field: sel.name.value });
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, kind, seen);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const fragment = fragments.get(sel.name.value);
        if (fragment) walk(fragment.selectionSet, kind, seen);
      }
    }
  };
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) walk(def.selectionSet, def.operation, new Set());
  }
  return out;
}

export function requiredRole(kind: OperationKind, field: string): Role | undefined {
  if (field === '__typename') return 'viewer';
  if (kind === 'mutation') return MUTATION_ROLES[field];
  if (kind === 'query') return SENSITIVE_QUERY_ROLES[field] ?? 'viewer';
  return 'viewer';
}

/** Throws FORBIDDEN unless the principal may run every top-level field of the document. */
export function authorise(document: DocumentNode, principal: Principal | undefined): void {
  if (!principal) throw new AccessError('UNAUTHENTICATED', 'an API token is required');
  for (const { kind, field } of topLevelFields(document)) {
    const need = requiredRole(kind, field);
    if (!need) {
      throw new AccessError(
        'FORBIDDEN',
        `${kind} ${field} is not classified for access; it is refused`,
        { field },
      );
    }
    if (!allows(principal.role, need)) {
      throw new AccessError(
        'FORBIDDEN',
        `${field} needs the ${need} role; the token has ${principal.role}`,
        {
          field,
          need,
          have: principal.role,
        },
      );
    }
  }
}

/** Mutations of the schema that have no role: must be none. */
export function unclassifiedMutations(schema: GraphQLSchema): string[] {
  const fields = Object.keys(schema.getMutationType()?.getFields() ?? {});
  return fields.filter((f) => !(f in MUTATION_ROLES));
}
