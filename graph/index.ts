/**
 * The only door into graph/ from api/: the model, the errors, the store port
 * and its opener, the graph service, import/export and the samples.
 */
export * from './errors.js';
export * from './model/index.js';
export type { GraphStore, ListFilter, ListPage, ListQuery } from './store/graph-store.js';
export { migrateStore, openStore } from './store/open-store.js';
export type { MigrateOutcome, StoreConfig } from './store/open-store.js';
export { GraphService } from './service.js';
export type { StateReader } from './reads/state-reader.js';
export type { Author, CommittedChange, GraphChange } from './service.js';
export type { DeleteOutcome } from './writes/plan-delete.js';
export { importRows } from './io/import-plan.js';
export type { ImportProgress, ImportRow } from './io/import-plan.js';
export { rowsFromDocument, documentFromState } from './io/json.js';
export type { ImportReport, ImportProblem } from './io/report.js';
export { bergRiverSample } from './samples/berg-river.js';
export { loadBergRiverSample } from './samples/load-sample.js';
export { AnalysisService, ANALYSIS_DEFAULTS, GAP_KINDS } from './analysis-service.js';
export type {
  AnalysisOptions,
  Gap,
  GapKind,
  NetworkMetrics,
  ScopeArgs,
} from './analysis-service.js';
export type {
  Overlap,
  OverlapKind,
  OverlapNature,
  OverlapSummary,
  Projection,
} from './analysis/index.js';
export type { CoverageGap, ActorGap } from './analysis/gaps.js';
export { bandOf } from './analysis/maturity.js';
export {
  importDocument,
  importFile,
  DEFAULT_IMPORT_LIMITS,
  SUPPORTED_IMPORT_FORMATS,
} from './io/import-file.js';
export type { DocumentImportOptions, FileImportOptions, ImportLimits } from './io/import-file.js';
export { exportGraph, EXPORT_FORMATS } from './io/export.js';
export { toCsv } from './io/csv.js';
export type { ExportFormat, ExportOptions, ExportResult } from './io/export.js';
