/**
 * Geometry of the maturity radar: seven dimensions on spokes, scores 1-6, and
 * the three bands (informational 1-2, alignment 3-4, partnering 5-6) as rings.
 */
export const DIMENSIONS = [
  'GOALS',
  'RESOURCES',
  'ACTIVITIES',
  'COMMUNICATIONS',
  'GOVERNANCE',
  'SYSTEMS',
  'CULTURE',
] as const;

export const BANDS = [
  { name: 'informational', from: 0, to: 2, fill: '#fed7d7' },
  { name: 'alignment', from: 2, to: 4, fill: '#fefcbf' },
  { name: 'partnering', from: 4, to: 6, fill: '#c6f6d5' },
] as const;

/** The point of a score on a dimension's spoke, for a radar of `radius` centred at (cx, cy). */
export function spokePoint(
  index: number,
  score: number,
  radius: number,
  cx: number,
  cy: number,
): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / DIMENSIONS.length;
  const r = (radius * Math.max(0, Math.min(6, score))) / 6;
  return [round(cx + r * Math.cos(angle)), round(cy + r * Math.sin(angle))];
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The polygon points of a set of scores (missing dimensions at 0). */
export function polygonPoints(
  scores: { dimension: string; score: number }[],
  radius: number,
  cx: number,
  cy: number,
): string {
  const by = new Map(scores.map((s) => [s.dimension, s.score]));
  return DIMENSIONS.map((d, i) => spokePoint(i, by.get(d) ?? 0, radius, cx, cy).join(',')).join(
    ' ',
  );
}
