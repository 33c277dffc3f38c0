/**
 * Limits on what one GraphQL document may ask: aliases and an estimated cost
 * (validation rules), plus the size checks done before parsing (query length
 * and tokens). Depth is mercurius' `queryDepth`. Over a limit: LIMIT_EXCEEDED.
 */
import { GraphQLError, Kind, Lexer, Source, TokenKind } from 'graphql';
import type {
  FieldNode,
  FragmentDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ASTVisitor,
} from 'graphql';

export const GRAPHQL_LIMITS = {
  depth: 12,
  aliases: 30,
  /** Fields the query may touch, each multiplied by the `first` of the lists around it. */
  cost: 250_000,
  queryChars: 20_000,
  tokens: 3_000,
  /** Assumed size of a list whose `first` is a variable or absent. */
  defaultListSize: 50,
  responseBytes: 32 * 1024 * 1024,
} as const;

function limitError(message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'LIMIT_EXCEEDED', details } });
}

export function aliasLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node: FieldNode) {
        if (node.alias && ++aliases === max + 1) {
          context.reportError(
            limitError(`the query uses more than ${max} aliases`, { limit: max }),
          );
        }
      },
    };
  };
}

function listSize(field: FieldNode): number {
  const first = field.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'top');
  if (!first) return 1;
  if (first.value.kind === Kind.INT) return Math.max(1, Number(first.value.value));
  return GRAPHQL_LIMITS.defaultListSize;
}

export function costLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const cost = (set: SelectionSetNode, multiplier: number, seen: Set<string>): number => {
      let total = 0;
      for (const sel of set.selections) {
        if (total > max) return total;
        if (sel.kind === Kind.FIELD) {
          const m = multiplier * listSize(sel);
          total += m;
          if (sel.selectionSet) total += cost(sel.selectionSet, m, seen);
        } else if (sel.kind === Kind.INLINE_FRAGMENT)
          total += cost(sel.selectionSet, multiplier, seen);
        else if (!seen.has(sel.name.value)) {
          const fragment = fragments.get(sel.name.value);
          if (fragment)
            total += cost(fragment.selectionSet, multiplier, new Set([...seen, sel.name.value]));
        }
      }
      return total;
    };
    return {
      OperationDefinition(node) {
        const estimate = cost(node.selectionSet, 1, new Set());
        if (estimate > max) {
          context.reportError(
            limitError(
              `the query would cost about ${estimate} (limit ${max}); ask for fewer items or fewer nested lists`,
              {
                limit: max,
                estimate,
              },
            ),
          );
        }
      },
    };
  };
}

/** Checks the raw text before it is parsed: length and number of tokens. */
export function checkQueryText(query: unknown): string | undefined {
  if (typeof query !== 'string') return undefined;
  if (query.length > GRAPHQL_LIMITS.queryChars) {
    return `the query is ${query.length} characters long; the limit is ${GRAPHQL_LIMITS.queryChars}`;
  }
  try {
    const lexer = new Lexer(new Source(query));
    let count = 0;
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > GRAPHQL_LIMITS.tokens)
        return `the query has more than ${GRAPHQL_LIMITS.tokens} tokens`;
    }
  } catch {
    // Syntax errors are reported by the parser, with their position.
  }
  return undefined;
}
