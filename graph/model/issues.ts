import { z } from 'zod';
import { IdSchema, baseFields } from './common.js';

export const IssueAreaSchema = z
  .strictObject({
    ...baseFields,
    /** Taxonomy parent: water > water quality > effluent. */
    parentId: IdSchema.optional(),
  })
  .refine((i) => i.parentId !== i.id, {
    path: ['parentId'],
    message: 'an issue cannot be its own parent',
  });
export type IssueArea = z.infer<typeof IssueAreaSchema>;
