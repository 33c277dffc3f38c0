/**
 * Messages between the analysis pool (request thread) and an analysis
 * worker. The worker keeps a copy of the graph state: a full copy sent in
 * chunks (`reset-begin`, `reset-chunk`..., `reset-end`, one generation at a
 * time; the request thread gets its turn between chunks), then each committed
 * write as `commit`; `run` asks for one analysis.
 */
import type { AnalysisEngine } from '../analysis-engine.js';
import type { AnyEntity, EntityType, Stored } from '../model/index.js';
import type { CommittedChange } from '../service.js';
import type { WireError } from './wire-error.js';

/** The engine methods a worker answers. */
export const ANALYSIS_METHODS = [
  'overlaps',
  'overlapSummary',
  'gaps',
  'team',
  'levels',
  'network',
  'networkLinks',
] as const satisfies readonly (keyof AnalysisEngine)[];
export type AnalysisMethod = (typeof ANALYSIS_METHODS)[number];

export type ToWorker =
  | { kind: 'reset-begin'; generation: number; version: number }
  | { kind: 'reset-chunk'; generation: number; type: EntityType; entities: Stored<AnyEntity>[] }
  | { kind: 'reset-end'; generation: number }
  | { kind: 'commit'; change: CommittedChange }
  | { kind: 'run'; id: number; method: AnalysisMethod; args: unknown[]; deadline: number };

export type FromWorker =
  | { kind: 'started'; id: number }
  | { kind: 'done'; id: number; version: number; result: unknown }
  | { kind: 'failed'; id: number; error: WireError };
