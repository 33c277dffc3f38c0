import { z } from 'zod';
import { IdSchema, baseFields, wholeNumber } from './common.js';
import { JURISDICTION_KINDS } from './enums.js';

export const GovernmentLevelSchema = z.strictObject({
  ...baseFields,
  /** 1 = highest tier (national). */
  rank: wholeNumber(1, 20),
});
export type GovernmentLevel = z.infer<typeof GovernmentLevelSchema>;

export const JurisdictionSchema = z
  .strictObject({
    ...baseFields,
    kind: z.enum(JURISDICTION_KINDS),
    levelId: IdSchema.optional(),
    parentId: IdSchema.optional(),
    /** Areas this one crosses (symmetric): a catchment overlapping municipalities. */
    overlaps: z.array(IdSchema).max(10_000).default([]),
  })
  .superRefine((j, ctx) => {
    if (j.parentId === j.id) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentId'],
        message: 'a jurisdiction cannot contain itself',
      });
    }
    if (j.overlaps.includes(j.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['overlaps'],
        message: 'a jurisdiction cannot overlap itself',
      });
    }
  });
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;
