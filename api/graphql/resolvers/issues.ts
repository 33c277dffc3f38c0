import type { IResolvers } from 'mercurius';
import { crudResolvers } from '../crud.js';

export const issueResolvers: IResolvers[] = [
  crudResolvers({
    type: 'issue',
    single: 'issueArea',
    plural: 'issueAreas',
    typeName: 'IssueArea',
  }),
];
