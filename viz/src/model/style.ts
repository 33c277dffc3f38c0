/**
 * How the map encodes data: colour by sector, shape by kind, overlap colour by
 * nature. The legend is built from these same tables, so it cannot disagree.
 */
import type { StylesheetJson } from 'cytoscape';

export const SECTOR_COLOURS: Readonly<Record<string, string>> = {
  public: '#2b6cb0',
  private: '#c05621',
  civil_society: '#2f855a',
  academic: '#6b46c1',
};

export const KIND_SHAPES: Readonly<Record<string, string>> = {
  department: 'round-rectangle',
  municipality: 'hexagon',
  public_entity: 'diamond',
  business: 'ellipse',
  industry_body: 'barrel',
  ngo: 'triangle',
  community_group: 'star',
  research: 'pentagon',
  international: 'octagon',
  other: 'tag',
};

export const NATURE_COLOURS: Readonly<Record<string, string>> = {
  duplication: '#c53030',
  concurrent: '#d69e2e',
  complementary: '#3182ce',
};

export const LINK_COLOURS = {
  tie: '#718096',
  partnership: '#319795',
  conflict: '#e53e3e',
  gap: '#d53f8c',
} as const;

export const UNKNOWN_COLOUR = '#a0aec0';

export function sectorColour(sector: string): string {
  return SECTOR_COLOURS[sector] ?? UNKNOWN_COLOUR;
}

export function kindShape(kind: string): string {
  return KIND_SHAPES[kind] ?? 'ellipse';
}

export function natureColour(nature: string): string {
  return NATURE_COLOURS[nature] ?? UNKNOWN_COLOUR;
}

/** Node diameter in px from a metric, relative to the largest in view: 18 to 60. */
export function nodeSize(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 18;
  return Math.round(18 + 42 * Math.sqrt(Math.min(value, max) / max));
}

/** Ring width for a stakeholder: influence 1-5 -> 2-10 px. */
export function ringWidth(influence: number): number {
  return Math.max(0, Math.min(5, influence)) * 2;
}

/** Human words for enum values: civil_society -> civil society. */
export function words(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}

export function stylesheet(): StylesheetJson {
  return [
    {
      selector: 'node.actor',
      style: {
        'background-color': 'data(colour)',
        shape: 'data(shape)' as never,
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-size': 10,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '120px',
        'border-width': 1,
        'border-color': '#1a202c',
      },
    },
    {
      selector: 'node.stakeholder',
      style: {
        'border-width': 'data(ring)',
        'border-color': '#805ad5',
        'border-opacity': 'data(ringOpacity)' as never,
      },
    },
    {
      selector: 'node.group',
      style: {
        'background-color': '#edf2f7',
        'background-opacity': 0.6,
        'border-color': '#a0aec0',
        label: 'data(label)',
        'text-valign': 'top',
        'font-size': 12,
        shape: 'round-rectangle',
      },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ecc94b' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    {
      selector: 'edge',
      style: { width: 1.5, 'curve-style': 'bezier', 'line-color': LINK_COLOURS.tie, opacity: 0.8 },
    },
    { selector: 'edge.partnership', style: { 'line-color': LINK_COLOURS.partnership } },
    {
      selector: 'edge.conflict',
      style: { 'line-color': LINK_COLOURS.conflict, 'line-style': 'dotted' },
    },
    {
      selector: 'edge.overlap',
      style: { 'line-color': 'data(colour)', width: 'data(width)', opacity: 0.7 },
    },
    {
      selector: 'edge.gap',
      style: { 'line-color': LINK_COLOURS.gap, 'line-style': 'dashed', width: 2 },
    },
  ];
}

export interface LegendEntry {
  group: string;
  label: string;
  colour?: string;
  shape?: string;
  line?: 'solid' | 'dashed' | 'dotted';
}

export function legendEntries(): LegendEntry[] {
  return [
    ...Object.entries(SECTOR_COLOURS).map(([k, colour]) => ({
      group: 'Sector (colour)',
      label: words(k),
      colour,
    })),
    ...Object.entries(KIND_SHAPES).map(([k, shape]) => ({
      group: 'Kind (shape)',
      label: words(k),
      shape,
    })),
    { group: 'Links', label: 'tie', colour: LINK_COLOURS.tie, line: 'solid' },
    {
      group: 'Links',
      label: 'shared partnership',
      colour: LINK_COLOURS.partnership,
      line: 'solid',
    },
    { group: 'Links', label: 'conflict tie', colour: LINK_COLOURS.conflict, line: 'dotted' },
    ...Object.entries(NATURE_COLOURS).map(([k, colour]) => ({
      group: 'Overlaps (by nature)',
      label: words(k),
      colour,
      line: 'solid' as const,
    })),
    {
      group: 'Gaps',
      label: 'collaboration gap: overlap, no link',
      colour: LINK_COLOURS.gap,
      line: 'dashed',
    },
    {
      group: 'Stakeholders',
      label: 'purple ring: width = influence, strength = interest',
      colour: '#805ad5',
    },
    { group: 'Size', label: 'node size: betweenness or degree (see Size)' },
  ];
}
