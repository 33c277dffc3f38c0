/**
 * The view as a URL: scope, selection, layout and what is shown, so a link
 * reproduces the view. Unknown or malformed values fall back to defaults.
 */
export const LAYOUTS = ['fcose', 'concentric', 'grid'] as const;
export const GROUPINGS = ['none', 'level', 'jurisdiction'] as const;
export const SIZINGS = ['betweenness', 'degree'] as const;
export const OVERLAY_NAMES = ['overlaps', 'gaps', 'stakeholders'] as const;
export const PANELS = ['actor', 'matrix', 'gaps', 'team', 'maturity', 'data'] as const;

export type Layout = (typeof LAYOUTS)[number];
export type Grouping = (typeof GROUPINGS)[number];
export type Sizing = (typeof SIZINGS)[number];
export type OverlayName = (typeof OVERLAY_NAMES)[number];
export type Panel = (typeof PANELS)[number];

export interface ViewState {
  issueId: string | null;
  jurisdictionId: string | null;
  /** yyyy-mm-dd; null: today; 'any': any time. */
  at: string | null;
  selected: string | null;
  hops: number;
  layout: Layout;
  group: Grouping;
  size: Sizing;
  overlays: OverlayName[];
  panel: Panel;
  partnershipId: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  issueId: null,
  jurisdictionId: null,
  at: null,
  selected: null,
  hops: 1,
  layout: 'fcose',
  group: 'none',
  size: 'betweenness',
  overlays: [],
  panel: 'actor',
  partnershipId: null,
};

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const text = (key: string) => {
    const value = q.get(key)?.trim();
    return value ? value.slice(0, 256) : null;
  };
  const at = text('at');
  const hops = Number(q.get('hops'));
  return {
    issueId: text('issue'),
    jurisdictionId: text('place'),
    at: at === 'any' || (at !== null && DATE.test(at)) ? at : null,
    selected: text('sel'),
    hops: Number.isInteger(hops) && hops >= 1 && hops <= 5 ? hops : DEFAULT_VIEW.hops,
    layout: oneOf(LAYOUTS, q.get('layout'), DEFAULT_VIEW.layout),
    group: oneOf(GROUPINGS, q.get('group'), DEFAULT_VIEW.group),
    size: oneOf(SIZINGS, q.get('size'), DEFAULT_VIEW.size),
    overlays: (q.get('show') ?? '')
      .split(',')
      .filter((o): o is OverlayName => (OVERLAY_NAMES as readonly string[]).includes(o)),
    panel: oneOf(PANELS, q.get('panel'), DEFAULT_VIEW.panel),
    partnershipId: text('partnership'),
  };
}

/** The query string of a view; defaults are left out so links stay short. */
export function formatViewState(view: ViewState): string {
  const q = new URLSearchParams();
  const put = (key: string, value: string | null, fallback: string | null = null) => {
    if (value !== null && value !== fallback) q.set(key, value);
  };
  put('issue', view.issueId);
  put('place', view.jurisdictionId);
  put('at', view.at);
  put('sel', view.selected);
  put('hops', String(view.hops), String(DEFAULT_VIEW.hops));
  put('layout', view.layout, DEFAULT_VIEW.layout);
  put('group', view.group, DEFAULT_VIEW.group);
  put('size', view.size, DEFAULT_VIEW.size);
  put('show', view.overlays.length > 0 ? [...view.overlays].sort().join(',') : null);
  put('panel', view.panel, DEFAULT_VIEW.panel);
  put('partnership', view.partnershipId);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The GraphQL ScopeInput of a view: `at` omitted means today, null any time. */
export function scopeOf(view: ViewState): Record<string, string | null> {
  const scope: Record<string, string | null> = {};
  if (view.issueId) scope.issueId = view.issueId;
  if (view.jurisdictionId) scope.jurisdictionId = view.jurisdictionId;
  if (view.at === 'any') scope.at = null;
  else if (view.at) scope.at = view.at;
  return scope;
}

/** The scope of a view as GET /api/export's query string (any time is `at=any` there). */
export function exportQuery(view: ViewState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(scopeOf(view))) params.set(key, value ?? 'any');
  const text = params.toString();
  return text ? `?${text}` : '';
}
