import { importRows } from '../io/import-plan.js';
import { rowsFromDocument } from '../io/json.js';
import type { ImportReport } from '../io/report.js';
import type { GraphService } from '../service.js';
import { bergRiverSample } from './berg-river.js';

/** Loads the Berg River sample; the report says what was created. */
export async function loadBergRiverSample(service: GraphService): Promise<ImportReport> {
  const { rows, errors } = rowsFromDocument(bergRiverSample());
  return importRows(service, rows, {}, { errors });
}
