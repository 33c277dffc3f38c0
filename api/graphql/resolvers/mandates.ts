import type { IResolvers } from 'mercurius';
import { FUNCTION_CLASS_OF } from '../../../graph/index.js';
import type { Mandate } from '../../../graph/index.js';
import { crudResolvers } from '../crud.js';

export const mandateResolvers: IResolvers[] = [
  crudResolvers({ type: 'mandate', single: 'mandate', plural: 'mandates', typeName: 'Mandate' }),
  { Mandate: { functionClass: (m: Mandate) => FUNCTION_CLASS_OF[m.function] } },
];
