import type { IResolvers } from 'mercurius';
import { actorResolvers } from './actors.js';
import { analysisResolvers } from './analysis.js';
import { auditResolvers } from './audit.js';
import { nestedResolvers } from '../nested.js';
import { commonResolvers } from './common.js';
import { issueResolvers } from './issues.js';
import { mandateResolvers } from './mandates.js';
import { partnershipResolvers } from './partnerships.js';
import { placeResolvers } from './places.js';

/** Every resolver map, merged type by type. */
export function allResolvers(): IResolvers {
  const parts: IResolvers[] = [
    commonResolvers,
    ...placeResolvers,
    ...issueResolvers,
    ...actorResolvers,
    ...mandateResolvers,
    ...partnershipResolvers,
    analysisResolvers,
    auditResolvers,
    nestedResolvers,
  ];
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [typeName, fields] of Object.entries(part)) {
      merged[typeName] = { ...merged[typeName], ...(fields as Record<string, unknown>) };
    }
  }
  return merged as IResolvers;
}
