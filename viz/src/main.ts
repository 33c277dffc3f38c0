/**
 * The planners' map: the view lives in the URL; every change of scope or
 * option updates the URL and redraws from /graphql. Live updates redraw
 * without moving what the user already sees.
 */
import { gql, setApiToken, subscribeToChanges, whenUnauthenticated } from './api/graphql.js';
import {
  FIND_ACTORS,
  FIND_ISSUES,
  FIND_PLACES,
  ISSUE_NAME,
  PLACE_NAME,
  NETWORK,
  OVERLAYS,
  STAKEHOLDERS,
} from './api/queries.js';
import { toElements } from './model/elements.js';
import type { GapRow, Network, OverlapPair, Overlays, Stakeholder } from './model/types.js';
import { exportQuery, formatViewState, parseViewState, scopeOf } from './model/url-state.js';
import type { OverlayName, Panel, ViewState } from './model/url-state.js';
import { debounce, fill, h } from './ui/dom.js';
import { renderDataPanel } from './ui/data-panel.js';
import { mapSvg, savePng, saveSvg } from './ui/export.js';
import { renderLegend } from './ui/legend.js';
import { NetworkMap } from './ui/map.js';
import type { PanelActions } from './ui/panels.js';
import {
  renderActorPanel,
  renderGapsPanel,
  renderMatrixPanel,
  renderMaturityPanel,
  renderTeamPanel,
} from './ui/panels.js';
import { picker } from './ui/pickers.js';
import './style.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let view: ViewState = parseViewState(location.search);
let network: Network = { nodes: [], edges: [], betweennessExact: true };
let overlays: Overlays = { overlaps: [], gaps: [], stakeholders: [] };
const map = new NetworkMap($('cy'), $('navigator'));
const status = $('status');

/** What tests read: the map, the renderer, the last layout time, and whether a draw is done. */
const debug = {
  ready: false,
  renderer: 'canvas',
  layoutMs: 0,
  draws: 0,
  error: null as string | null,
  svg: () => mapSvg(map.cy),
};
if (__EXPOSE_CY__) Object.assign(window, { __mm: debug });

function setView(change: Partial<ViewState>, how: 'push' | 'replace' = 'push'): void {
  view = { ...view, ...change };
  const url = `${location.pathname}${formatViewState(view)}`;
  if (how === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

const actions: PanelActions = {
  focusActor(id) {
    setView({ selected: id, panel: 'actor' });
    map.focus(id, view.hops);
    void renderPanel();
  },
  focusPair(a, b) {
    setView({ selected: a });
    map.focusPair(a, b);
  },
  choosePartnership(id) {
    setView({ partnershipId: id || null, panel: 'maturity' });
    void renderPanel();
  },
};

function showError(where: HTMLElement, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  fill(where, h('p', { class: 'error', role: 'alert' }, message));
}

async function renderPanel(): Promise<void> {
  const panel = $('panel');
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
    const on = tab.dataset.panel === view.panel;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on) panel.setAttribute('aria-labelledby', tab.id);
  }
  try {
    await ensureOverlays();
    if (view.panel === 'actor')
      await renderActorPanel(panel, view.selected, overlays.overlaps, actions);
    else if (view.panel === 'matrix') await renderMatrixPanel(panel, view, actions);
    else if (view.panel === 'gaps') renderGapsPanel(panel, overlays.gaps, actions);
    else if (view.panel === 'team') await renderTeamPanel(panel, view, actions);
    else if (view.panel === 'data') renderDataPanel(panel, () => exportQuery(view));
    else await renderMaturityPanel(panel, view, actions);
  } catch (error) {
    showError(panel, error);
  }
}

/** Overlays and the gaps list cost more than the network; they are fetched only when shown. */
function overlaysWanted(): boolean {
  return (
    view.overlays.length > 0 ||
    view.panel === 'gaps' ||
    (view.panel === 'actor' && view.selected !== null)
  );
}

let overlaysScope: string | null = null;

async function ensureOverlays(): Promise<void> {
  const key = JSON.stringify(scopeOf(view));
  if (overlaysScope === key || !overlaysWanted()) return;
  const scope = scopeOf(view);
  const scoped = Boolean(view.issueId || view.jurisdictionId);
  const [over, stakes] = await Promise.all([
    gql<{ overlapSummary: { topPairs: OverlapPair[] }; gaps: { nodes: GapRow[] } }>(OVERLAYS, {
      scope,
    }),
    scoped
      ? gql<{ team: { stakeholders: Stakeholder[] } }>(STAKEHOLDERS, { scope })
      : Promise.resolve({ team: { stakeholders: [] as Stakeholder[] } }),
  ]);
  overlays = {
    overlaps: over.overlapSummary.topPairs,
    gaps: over.gaps.nodes,
    stakeholders: stakes.team.stakeholders,
  };
  overlaysScope = key;
}

async function loadData(): Promise<void> {
  const scope = scopeOf(view);
  const scoped = Boolean(view.issueId || view.jurisdictionId);
  overlaysScope = null;
  overlays = { overlaps: [], gaps: [], stakeholders: [] };
  const [net] = await Promise.all([
    gql<{ network: Network }>(NETWORK, {
      scope: scoped || 'at' in scope ? scope : null,
      first: 20_000,
    }),
    ensureOverlays(),
  ]);
  network = net.network;
}

async function redrawWithOverlays(): Promise<void> {
  debug.ready = false;
  try {
    await ensureOverlays();
    draw();
  } catch (error) {
    debug.error = error instanceof Error ? error.message : String(error);
    status.textContent = `Could not load the overlays: ${debug.error}`;
  } finally {
    debug.ready = true;
  }
}

function draw(): void {
  const elements = toElements(network, overlays, {
    group: view.group,
    size: view.size,
    show: view.overlays,
  });
  map.show(elements, view.layout, (cy) => {
    if (__EXPOSE_CY__) Object.assign(window, { __cy: cy });
  });
  if (view.selected) map.focus(view.selected, view.hops);
  bindTaps();
  debug.renderer = map.renderer;
  debug.layoutMs = map.lastLayoutMs;
  debug.draws += 1;
  const links = network.edges.length;
  status.textContent =
    `${network.nodes.length} actors, ${links} links · ${map.renderer} renderer · laid out in ${map.lastLayoutMs} ms` +
    (network.betweennessExact ? '' : ' · betweenness sampled');
}

async function refresh(): Promise<void> {
  debug.ready = false;
  debug.error = null;
  status.textContent = 'Loading…';
  try {
    await loadData();
    draw();
    await renderPanel();
  } catch (error) {
    debug.error = error instanceof Error ? error.message : String(error);
    status.textContent = `Could not load the map: ${debug.error}`;
  } finally {
    debug.ready = true;
  }
}

// Scope bar
const issuePicker = picker(
  $('issue-input'),
  $('issue-options'),
  async (text) =>
    (await gql<{ issueAreas: { nodes: { id: string; name: string }[] } }>(FIND_ISSUES, { text }))
      .issueAreas.nodes,
  (choice) => {
    setView({ issueId: choice?.id ?? null });
    void refresh();
  },
);
const placePicker = picker(
  $('place-input'),
  $('place-options'),
  async (text) =>
    (await gql<{ jurisdictions: { nodes: { id: string; name: string }[] } }>(FIND_PLACES, { text }))
      .jurisdictions.nodes,
  (choice) => {
    setView({ jurisdictionId: choice?.id ?? null });
    void refresh();
  },
);
const dateInput = $<HTMLInputElement>('date-input');
const anyTime = $<HTMLInputElement>('any-time');
dateInput.addEventListener('change', () => {
  setView({ at: dateInput.value || null });
  anyTime.checked = false;
  void refresh();
});
anyTime.addEventListener('change', () => {
  setView({ at: anyTime.checked ? 'any' : dateInput.value || null });
  void refresh();
});
for (const form of ['scope', 'find']) $(form).addEventListener('submit', (e) => e.preventDefault());

// Finding an actor: on the map first, else on the server.
const searchInput = $<HTMLInputElement>('search-input');
const actorOptions = $<HTMLDataListElement>('actor-options');
const knownActors = new Map<string, string>();
const suggestActors = debounce(async (text: string) => {
  const lowered = text.toLowerCase();
  const local = network.nodes
    .filter((n) => n.actor.name.toLowerCase().includes(lowered))
    .slice(0, 20)
    .map((n) => ({ id: n.actor.id, name: n.actor.name }));
  const remote =
    local.length > 0
      ? []
      : (await gql<{ actors: { nodes: { id: string; name: string }[] } }>(FIND_ACTORS, { text }))
          .actors.nodes;
  for (const a of [...local, ...remote]) knownActors.set(a.name, a.id);
  fill(
    actorOptions,
    [...local, ...remote].map((a) => h('option', { value: a.name }, a.id)),
  );
}, 120);
function findActor(): void {
  const text = searchInput.value.trim();
  const id =
    knownActors.get(text) ??
    network.nodes.find((n) => n.actor.id === text || n.actor.name === text)?.actor.id;
  if (id) actions.focusActor(id);
}
searchInput.addEventListener('input', () => {
  if (knownActors.has(searchInput.value)) findActor();
  else void suggestActors(searchInput.value.trim());
});
searchInput.addEventListener('change', findActor);
searchInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') findActor();
});
const hopsSelect = $<HTMLSelectElement>('hops-select');
hopsSelect.addEventListener('change', () => {
  setView({ hops: Number(hopsSelect.value) }, 'replace');
  map.focus(view.selected, view.hops);
});

// Map controls
const layoutSelect = $<HTMLSelectElement>('layout-select');
layoutSelect.addEventListener('change', () => {
  setView({ layout: layoutSelect.value as ViewState['layout'] }, 'replace');
  map.relayout(view.layout);
});
const groupSelect = $<HTMLSelectElement>('group-select');
groupSelect.addEventListener('change', () => {
  setView({ group: groupSelect.value as ViewState['group'] }, 'replace');
  map.cy.elements().remove();
  draw();
});
const sizeSelect = $<HTMLSelectElement>('size-select');
sizeSelect.addEventListener('change', () => {
  setView({ size: sizeSelect.value as ViewState['size'] }, 'replace');
  draw();
});
const overlayBoxes = [...document.querySelectorAll<HTMLInputElement>('input[name=overlay]')];
for (const box of overlayBoxes) {
  box.addEventListener('change', () => {
    setView(
      { overlays: overlayBoxes.filter((b) => b.checked).map((b) => b.value as OverlayName) },
      'replace',
    );
    void redrawWithOverlays();
  });
}
$('fit-button').addEventListener('click', () => map.cy.fit(undefined, 30));
$('png-button').addEventListener('click', () => savePng(map.cy));
$('svg-button').addEventListener('click', () => saveSvg(map.cy));
for (const tab of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
  tab.addEventListener('click', () => {
    setView({ panel: tab.dataset.panel as Panel }, 'replace');
    void renderPanel();
  });
  tab.addEventListener('keydown', (e) => {
    const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const i = tabs.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? tabs[(i + 1) % tabs.length]
        : e.key === 'ArrowLeft'
          ? tabs[(i + tabs.length - 1) % tabs.length]
          : undefined;
    if (next) {
      next.focus();
      next.click();
    }
  });
}

/** The map may be recreated (renderer switch), so taps are bound after each draw. */
function bindTaps(): void {
  map.cy.off('tap');
  map.cy.on('tap', 'node.actor', (event) => actions.focusActor(event.target.id()));
  map.cy.on('tap', (event) => {
    if (event.target === map.cy) {
      setView({ selected: null }, 'replace');
      map.focus(null, view.hops);
    }
  });
}

/** Puts the controls in line with the view (on load and on back/forward). */
async function syncControls(): Promise<void> {
  layoutSelect.value = view.layout;
  groupSelect.value = view.group;
  sizeSelect.value = view.size;
  hopsSelect.value = String(view.hops);
  for (const box of overlayBoxes) box.checked = view.overlays.includes(box.value as OverlayName);
  anyTime.checked = view.at === 'any';
  dateInput.value = view.at && view.at !== 'any' ? view.at : '';
  const named = async (query: string, id: string | null, key: string) => {
    if (!id) return null;
    try {
      const data = await gql<Record<string, { id: string; name: string } | null>>(query, { id });
      return data[key] ?? { id, name: id };
    } catch {
      return { id, name: id };
    }
  };
  issuePicker.show(await named(ISSUE_NAME, view.issueId, 'issueArea'));
  placePicker.show(await named(PLACE_NAME, view.jurisdictionId, 'jurisdiction'));
}

window.addEventListener('popstate', () => {
  view = parseViewState(location.search);
  void syncControls().then(refresh);
});

// Servers with API tokens ask for one: the token form appears, and the page reloads with it.
whenUnauthenticated(() => {
  const form = $<HTMLFormElement>('token-form');
  form.hidden = false;
  $<HTMLInputElement>('token-input').focus();
});
$<HTMLFormElement>('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  setApiToken($<HTMLInputElement>('token-input').value.trim() || null);
  location.reload();
});

renderLegend($('legend'));
await syncControls();
await refresh();
const redraw = debounce(() => void refresh(), 300);
subscribeToChanges(() => redraw());
