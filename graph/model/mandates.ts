import { z } from 'zod';
import { IdSchema, IsoDateSchema, baseFields } from './common.js';
import { MANDATE_FUNCTIONS, MANDATE_STRENGTHS } from './enums.js';

export const MandateSourceSchema = z.strictObject({
  /** The legal instrument: "National Water Act 36 of 1998". */
  instrument: z.string().trim().min(1).max(500),
  section: z.string().trim().max(200).optional(),
  url: z.string().trim().max(2000).optional(),
});

export const MandateSchema = z
  .strictObject({
    ...baseFields,
    title: z.string().trim().min(1).max(500),
    function: z.enum(MANDATE_FUNCTIONS),
    strength: z.enum(MANDATE_STRENGTHS),
    source: MandateSourceSchema.optional(),
    validFrom: IsoDateSchema.optional(),
    validTo: IsoDateSchema.optional(),
    holderId: IdSchema,
    issueIds: z.array(IdSchema).min(1, 'a mandate needs at least one issue').max(1000),
    jurisdictionIds: z.array(IdSchema).min(1, 'a mandate needs at least one place').max(10_000),
  })
  .refine((m) => !m.validFrom || !m.validTo || m.validTo >= m.validFrom, {
    path: ['validTo'],
    message: 'must not be before validFrom',
  });
export type Mandate = z.infer<typeof MandateSchema>;
