/** The analysis engine: pure, synchronous functions over a projection. */
export { buildProjection } from './projection.js';
export type { Projection } from './projection.js';
export { resolveScope } from './scope.js';
export type { Scope, ResolvedScope } from './scope.js';
export { ScopeIndex } from './scope-index.js';
export { OVERLAP_KINDS, OVERLAP_NATURES, describeOverlap } from './overlap-rules.js';
export type { Overlap, OverlapKind, OverlapNature } from './overlap-rules.js';
export { listOverlaps } from './overlaps.js';
export type { OverlapPage, OverlapPageQuery } from './overlaps.js';
export { summariseOverlaps } from './summary.js';
export type { OverlapSummary, ActorPairSummary } from './summary.js';
