import type { IResolvers } from 'mercurius';
import { crudResolvers } from '../crud.js';

export const placeResolvers: IResolvers[] = [
  crudResolvers({
    type: 'level',
    single: 'level',
    plural: 'governmentLevels',
    typeName: 'GovernmentLevel',
  }),
  crudResolvers({
    type: 'jurisdiction',
    single: 'jurisdiction',
    plural: 'jurisdictions',
    typeName: 'Jurisdiction',
  }),
  { Jurisdiction: { overlapIds: (j: { overlaps?: string[] }) => j.overlaps ?? [] } },
];
