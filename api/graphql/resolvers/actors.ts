import type { IResolvers } from 'mercurius';
import { crudResolvers } from '../crud.js';

export const actorResolvers: IResolvers[] = [
  crudResolvers({ type: 'actor', single: 'actor', plural: 'actors', typeName: 'Actor' }),
  crudResolvers({
    type: 'interest',
    single: 'interest',
    plural: 'interests',
    typeName: 'Interest',
  }),
  crudResolvers({ type: 'tie', single: 'tie', plural: 'ties', typeName: 'Tie' }),
];
