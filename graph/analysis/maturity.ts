/** Partnering maturity: bands per score and change since the first assessment (seed 000). */
import { MATURITY_DIMENSIONS } from '../model/index.js';
import type { Assessment, MaturityDimension } from '../model/index.js';

export type MaturityBand = 'informational' | 'alignment' | 'partnering';

export function bandOf(score: number): MaturityBand {
  if (score <= 2) return 'informational';
  if (score <= 4) return 'alignment';
  return 'partnering';
}

export interface AssessedDimension {
  dimension: MaturityDimension;
  score: number;
  band: MaturityBand;
}

export interface MaturityView {
  assessmentIds: string[];
  dates: string[];
  /** Per assessment, in date order. */
  dimensions: AssessedDimension[][];
  means: number[];
  change: { dimension: MaturityDimension; from: number; to: number; delta: number }[];
  because: string[];
}

export function maturity(assessments: readonly Assessment[]): MaturityView {
  const sorted = [...assessments].sort((a, b) => (a.date < b.date ? -1 : 1));
  const dimensions = sorted.map((a) =>
    MATURITY_DIMENSIONS.map((dimension) => ({
      dimension,
      score: a.scores[dimension],
      band: bandOf(a.scores[dimension]),
    })),
  );
  const means = sorted.map(
    (a) => MATURITY_DIMENSIONS.reduce((s, d) => s + a.scores[d], 0) / MATURITY_DIMENSIONS.length,
  );
  const first = sorted[0];
  const last = sorted.at(-1);
  const change =
    first && last
      ? MATURITY_DIMENSIONS.map((dimension) => ({
          dimension,
          from: first.scores[dimension],
          to: last.scores[dimension],
          delta: last.scores[dimension] - first.scores[dimension],
        }))
      : [];
  const because = first
    ? [
        `baseline ${first.date}: mean ${means[0]!.toFixed(1)} (${bandOf(Math.round(means[0]!))})`,
        ...(sorted.length > 1
          ? [
              `latest ${last!.date}: mean ${means.at(-1)!.toFixed(1)} (${bandOf(Math.round(means.at(-1)!))})`,
            ]
          : []),
        ...change.filter((c) => c.delta !== 0).map((c) => `${c.dimension}: ${c.from} -> ${c.to}`),
      ]
    : ['no assessment recorded yet'];
  return {
    assessmentIds: sorted.map((a) => a.id),
    dates: sorted.map((a) => a.date),
    dimensions,
    means,
    change,
    because,
  };
}
