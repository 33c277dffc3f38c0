import { describe, expect, it } from 'vitest';
import { dominantNature, pairKey, toElements } from './elements.js';
import { polygonPoints, spokePoint } from './radar.js';
import { problemsCsv } from './report-csv.js';
import {
  KIND_SHAPES,
  SECTOR_COLOURS,
  kindShape,
  legendEntries,
  nodeSize,
  sectorColour,
} from './style.js';
import { escapeXml, toSvg } from './svg-export.js';
import type { Network, Overlays } from './types.js';
import {
  DEFAULT_VIEW,
  exportQuery,
  formatViewState,
  parseViewState,
  scopeOf,
} from './url-state.js';

const actor = (id: string, extra: Partial<Network['nodes'][number]['actor']> = {}) => ({
  id,
  name: id.toUpperCase(),
  kind: 'DEPARTMENT',
  sector: 'PUBLIC',
  level: null,
  jurisdiction: null,
  ...extra,
});

const network: Network = {
  betweennessExact: true,
  nodes: [
    {
      actor: actor('a', { level: { id: 'nat', name: 'National', rank: 1 } }),
      degree: 2,
      betweenness: 4,
      component: 0,
      community: 0,
    },
    {
      actor: actor('b', { kind: 'NGO', sector: 'CIVIL_SOCIETY' }),
      degree: 1,
      betweenness: 0,
      component: 0,
      community: 1,
    },
    {
      actor: actor('c', { level: { id: 'nat', name: 'National', rank: 1 } }),
      degree: 1,
      betweenness: 1,
      component: 0,
      community: 0,
    },
  ],
  edges: [
    { source: 'a', target: 'b', tieKinds: ['COLLABORATES'], partnershipIds: [], connects: true },
    { source: 'c', target: 'a', tieKinds: [], partnershipIds: ['p1'], connects: true },
    { source: 'b', target: 'c', tieKinds: ['CONFLICTS'], partnershipIds: [], connects: false },
    { source: 'a', target: 'gone', tieKinds: ['FUNDS'], partnershipIds: [], connects: true },
  ],
};

const overlays: Overlays = {
  overlaps: [
    {
      actors: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      count: 4,
      natures: [
        { nature: 'CONCURRENT', count: 1 },
        { nature: 'DUPLICATION', count: 3 },
      ],
      connected: true,
      because: [],
    },
    {
      actors: [
        { id: 'a', name: 'A' },
        { id: 'zz', name: 'Z' },
      ],
      count: 1,
      natures: [{ nature: 'COMPLEMENTARY', count: 1 }],
      connected: false,
      because: [],
    },
  ],
  gaps: [
    {
      kind: 'COLLABORATION',
      status: null,
      issue: null,
      jurisdiction: null,
      functionClass: null,
      actors: [
        { id: 'b', name: 'B' },
        { id: 'c', name: 'C' },
      ],
      because: [],
    },
    {
      kind: 'ENGAGEMENT',
      status: null,
      issue: null,
      jurisdiction: null,
      functionClass: null,
      actors: [{ id: 'b', name: 'B' }],
      because: [],
    },
  ],
  stakeholders: [
    { actor: { id: 'b' }, influence: 2, interest: 5, stance: 'SUPPORTS' },
    { actor: { id: 'b' }, influence: 4, interest: 1, stance: 'OPPOSES' },
  ],
};

const byId = (els: ReturnType<typeof toElements>) =>
  new Map(els.map((e) => [String(e.data.id), e]));

describe('toElements', () => {
  it('maps actors to styled nodes and links to classed edges, dropping edges to actors not shown', () => {
    const els = byId(
      toElements(network, overlays, { group: 'none', size: 'betweenness', show: [] }),
    );
    expect([...els.keys()].sort()).toEqual(['a', 'b', 'c', 'link:a|b', 'link:a|c', 'link:b|c']);
    expect(els.get('a')!.data).toMatchObject({
      colour: SECTOR_COLOURS.public,
      shape: 'round-rectangle',
      size: 60,
      levelRank: 1,
    });
    expect(els.get('b')!.data).toMatchObject({
      colour: SECTOR_COLOURS.civil_society,
      shape: 'triangle',
      size: 18,
      levelRank: 99,
    });
    expect(els.get('link:a|b')!.classes).toBe('link tie');
    expect(els.get('link:a|c')!.classes).toBe('link partnership');
    expect(els.get('link:b|c')!.classes).toBe('link conflict');
  });

  it('sizes by degree when asked', () => {
    const els = byId(toElements(network, overlays, { group: 'none', size: 'degree', show: [] }));
    expect(els.get('a')!.data.size).toBe(60);
    expect(els.get('b')!.data.size).toBe(nodeSize(1, 2));
  });

  it('draws overlaps coloured by their dominant nature, collaboration gaps dashed, stakeholders ringed', () => {
    const els = byId(
      toElements(network, overlays, {
        group: 'none',
        size: 'betweenness',
        show: ['overlaps', 'gaps', 'stakeholders'],
      }),
    );
    expect(els.get('overlap:a|b')!.classes).toBe('overlap nature-duplication');
    expect(els.has('overlap:a|zz')).toBe(false);
    expect(els.get('gap:b|c')!.classes).toBe('gap');
    expect([...els.keys()].filter((k) => k.startsWith('gap:'))).toHaveLength(1);
    expect(els.get('b')!.classes).toBe('actor stakeholder');
    expect(els.get('b')!.data).toMatchObject({ ring: 8 });
    expect(els.get('a')!.classes).toBe('actor');
  });

  it('groups by one attribute at a time, so compound nodes form a tree', () => {
    const els = toElements(network, overlays, { group: 'level', size: 'betweenness', show: [] });
    const groups = els.filter((e) => e.classes === 'group');
    expect(groups.map((g) => g.data.id)).toEqual(['group:level:nat']);
    expect(els.filter((e) => e.data.parent === 'group:level:nat').map((e) => e.data.id)).toEqual([
      'a',
      'c',
    ]);
    expect(groups.every((g) => g.data.parent === undefined)).toBe(true);
  });

  it('keys pairs regardless of order and picks the dominant nature', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
    expect(
      dominantNature([
        { nature: 'COMPLEMENTARY', count: 2 },
        { nature: 'DUPLICATION', count: 2 },
      ]),
    ).toBe('duplication');
    expect(dominantNature([])).toBe('concurrent');
  });
});

describe('style mapping', () => {
  it('has a colour for every sector, a shape for every kind, and a legend line for each', () => {
    const legend = legendEntries();
    for (const sector of Object.keys(SECTOR_COLOURS))
      expect(legend.some((l) => l.label === sector.replace('_', ' '))).toBe(true);
    expect(new Set(Object.values(KIND_SHAPES)).size).toBe(Object.keys(KIND_SHAPES).length);
    expect(sectorColour('unknown')).toMatch(/^#/);
    expect(kindShape('unknown')).toBe('ellipse');
    expect(nodeSize(0, 0)).toBe(18);
  });
});

describe('URL state', () => {
  it('round-trips a full view and leaves defaults out', () => {
    const view = {
      ...DEFAULT_VIEW,
      issueId: 'water-quality',
      jurisdictionId: 'berg',
      at: 'any',
      selected: 'dws',
      hops: 2,
      layout: 'grid' as const,
      group: 'level' as const,
      size: 'degree' as const,
      overlays: ['stakeholders', 'gaps'] as ('stakeholders' | 'gaps')[],
      panel: 'maturity' as const,
      partnershipId: 'brip',
    };
    const text = formatViewState(view);
    expect(parseViewState(text)).toEqual({ ...view, overlays: ['gaps', 'stakeholders'] });
    expect(formatViewState(DEFAULT_VIEW)).toBe('');
  });

  it('falls back to defaults on malformed values', () => {
    expect(parseViewState('?layout=spiral&hops=99&at=yesterday&show=bogus,gaps&panel=x')).toEqual({
      ...DEFAULT_VIEW,
      overlays: ['gaps'],
    });
  });

  it('turns the date into the scope: omitted is today, any is any time', () => {
    expect(scopeOf({ ...DEFAULT_VIEW, issueId: 'w' })).toEqual({ issueId: 'w' });
    expect(scopeOf({ ...DEFAULT_VIEW, at: 'any' })).toEqual({ at: null });
    expect(scopeOf({ ...DEFAULT_VIEW, at: '2020-01-01' })).toEqual({ at: '2020-01-01' });
  });
});

describe('SVG export and radar geometry', () => {
  it('escapes every name and keeps the document well-formed text', () => {
    const svg = toSvg(
      [{ x: 0, y: 0, size: 20, colour: '#fff', shape: 'hexagon', label: '<b a="1">&\u0001' }],
      [{ x1: 0, y1: 0, x2: 10, y2: 10, colour: '#000', width: 1, style: 'dashed' }],
    );
    expect(svg).toContain('&lt;b a=&quot;1&quot;&gt;&amp;</text>');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('<polygon');
    expect(escapeXml("'")).toBe('&apos;');
  });

  it('puts score 6 on the rim and the first dimension straight up', () => {
    expect(spokePoint(0, 6, 100, 0, 0)).toEqual([0, -100]);
    expect(spokePoint(0, 3, 100, 0, 0)).toEqual([0, -50]);
    expect(polygonPoints([{ dimension: 'GOALS', score: 6 }], 100, 0, 0).split(' ')).toHaveLength(7);
  });
});

describe('problemsCsv', () => {
  it('writes every problem on its own line, quoted where it must be, formulas disarmed', () => {
    const problem = (value: string, message: string) => ({
      sheet: 'actors.csv',
      row: 3,
      column: 'Name',
      value,
      code: 'INVALID_INPUT',
      message,
    });
    const text = problemsCsv({
      errors: [problem('=HYPERLINK("x")', 'kind: is required, one of "ngo", ...')],
      warnings: [problem(' padded', 'line one\nline two')],
    });
    expect(text.startsWith('\uFEFFkind,sheet,row,column,value,code,message\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'kind,sheet,row,column,value,code,message',
      'error,actors.csv,3,Name,"\'=HYPERLINK(""x"")",INVALID_INPUT,"kind: is required, one of ""ngo"", ..."',
      'warning,actors.csv,3,Name," padded",INVALID_INPUT,"line one\nline two"',
      '',
    ]);
  });
});

describe('exportQuery', () => {
  it("gives the export the view's scope, any time as at=any, and nothing for no scope", () => {
    const view = { ...DEFAULT_VIEW, issueId: 'water-quality', jurisdictionId: 'drakenstein' };
    expect(exportQuery(view)).toBe('?issueId=water-quality&jurisdictionId=drakenstein');
    expect(exportQuery({ ...view, at: 'any' })).toBe(
      '?issueId=water-quality&jurisdictionId=drakenstein&at=any',
    );
    expect(exportQuery({ ...DEFAULT_VIEW, at: '2020-01-01' })).toBe('?at=2020-01-01');
    expect(exportQuery(DEFAULT_VIEW)).toBe('');
  });
});
