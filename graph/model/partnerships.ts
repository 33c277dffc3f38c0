import { z } from 'zod';
import {
  IdSchema,
  IsoDateSchema,
  baseFields,
  endpointBaseFields,
  freeText,
  wholeNumber,
} from './common.js';
import { MATURITY_DIMENSIONS, MEMBER_ROLES, PARTNERSHIP_KINDS } from './enums.js';

export const PartnershipMemberSchema = z.strictObject({
  actorId: IdSchema,
  role: z.enum(MEMBER_ROLES).default('member'),
});
export type PartnershipMember = z.infer<typeof PartnershipMemberSchema>;

export const PartnershipSchema = z
  .strictObject({
    ...baseFields,
    kind: z.enum(PARTNERSHIP_KINDS),
    purpose: z.string().trim().max(5000).optional(),
    formedOn: IsoDateSchema.optional(),
    issueIds: z.array(IdSchema).max(1000).default([]),
    jurisdictionIds: z.array(IdSchema).max(10_000).default([]),
    members: z.array(PartnershipMemberSchema).max(10_000).default([]),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.members.forEach((m, index) => {
      if (seen.has(m.actorId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', index, 'actorId'],
          message: `actor '${m.actorId}' is listed twice`,
        });
      }
      seen.add(m.actorId);
    });
  });
export type Partnership = z.infer<typeof PartnershipSchema>;

const maturityScore = wholeNumber(1, 6);

export const MaturityScoresSchema = z.strictObject(
  Object.fromEntries(MATURITY_DIMENSIONS.map((d) => [d, maturityScore])) as Record<
    (typeof MATURITY_DIMENSIONS)[number],
    typeof maturityScore
  >,
);
export type MaturityScores = z.infer<typeof MaturityScoresSchema>;

/** A partnering-maturity assessment: seven dimensions scored 1-6 (seed 000). */
export const AssessmentSchema = z.strictObject({
  ...endpointBaseFields,
  partnershipId: IdSchema,
  date: IsoDateSchema,
  scores: MaturityScoresSchema,
  notes: freeText(20_000),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export function assessmentKey(partnershipId: string, date: string): string {
  return `${partnershipId}@${date}`;
}
