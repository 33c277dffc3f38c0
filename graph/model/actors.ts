import { z } from 'zod';
import { IdSchema, baseFields, endpointBaseFields, wholeNumber } from './common.js';
import { ACTOR_KINDS, SECTORS, STANCES, TIE_KINDS } from './enums.js';

export const ContactSchema = z.strictObject({
  person: z.string().trim().max(200).optional(),
  email: z.string().trim().max(320).optional(),
  phone: z.string().trim().max(60).optional(),
  url: z.string().trim().max(2000).optional(),
});

export const ActorSchema = z
  .strictObject({
    ...baseFields,
    kind: z.enum(ACTOR_KINDS),
    sector: z.enum(SECTORS),
    levelId: IdSchema.optional(),
    jurisdictionId: IdSchema.optional(),
    /** The organisation it belongs to: a provincial department -> the provincial government. */
    parentId: IdSchema.optional(),
    contact: ContactSchema.optional(),
  })
  .refine((a) => a.parentId !== a.id, {
    path: ['parentId'],
    message: 'an actor cannot belong to itself',
  });
export type Actor = z.infer<typeof ActorSchema>;

const score5 = wholeNumber(1, 5);

/** A stakeholder's interest in an issue (as opposed to a partner's membership). */
export const InterestSchema = z.strictObject({
  ...endpointBaseFields,
  actorId: IdSchema,
  issueId: IdSchema,
  stance: z.enum(STANCES),
  influence: score5,
  interest: score5,
});
export type Interest = z.infer<typeof InterestSchema>;

export const TieSchema = z
  .strictObject({
    ...endpointBaseFields,
    fromId: IdSchema,
    toId: IdSchema,
    kind: z.enum(TIE_KINDS),
    strength: wholeNumber(1, 3).default(1),
  })
  .refine((t) => t.fromId !== t.toId, {
    path: ['toId'],
    message: 'a tie must join two different actors',
  });
export type Tie = z.infer<typeof TieSchema>;

export function interestKey(actorId: string, issueId: string): string {
  return `${actorId}~${issueId}`;
}

export function tieKey(fromId: string, kind: string, toId: string): string {
  return `${fromId}~${kind}~${toId}`;
}
