/**
 * The side panels: the selected actor, the function x level matrix, the gaps
 * list, the team and the maturity radar. Each renders from GraphQL answers
 * with text nodes only.
 */
import { gql } from '../api/graphql.js';
import { ACTOR, LEVELS, MATURITY, PARTNERSHIPS, TEAM } from '../api/queries.js';
import { words } from '../model/style.js';
import type { GapRow, OverlapPair } from '../model/types.js';
import type { ViewState } from '../model/url-state.js';
import { scopeOf } from '../model/url-state.js';
import { fill, h } from './dom.js';
import { radarSvg } from './radar.js';

export interface PanelActions {
  focusActor(id: string): void;
  focusPair(a: string, b: string): void;
  choosePartnership(id: string): void;
}

interface ActorDetail {
  id: string;
  name: string;
  description: string | null;
  kind: string;
  sector: string;
  level: { name: string } | null;
  jurisdiction: { name: string } | null;
  parent: { id: string; name: string } | null;
  mandates: {
    id: string;
    title: string;
    function: string;
    functionClass: string;
    strength: string;
    validFrom: string | null;
    validTo: string | null;
    source: { instrument: string; section: string | null; url: string | null } | null;
    issues: { name: string }[];
    jurisdictions: { name: string }[];
  }[];
  memberships: { role: string; partnership: { id: string; name: string; kind: string } }[];
  interests: { issue: { name: string }; stance: string; influence: number; interest: number }[];
  ties: { kind: string; from: { id: string; name: string }; to: { id: string; name: string } }[];
}

const section = (title: string, ...body: (Node | string | null)[]) =>
  h('section', {}, h('h3', {}, title), ...body);
const empty = (text: string) => h('p', { class: 'muted' }, text);
/** A section titled with its count: a list of the items, or `none` when there are none. */
const listSection = <T>(
  title: string,
  items: readonly T[],
  none: string,
  item: (x: T) => Node,
  attrs: Record<string, string> = {},
) =>
  section(
    `${title} (${items.length})`,
    items.length === 0 ? empty(none) : h('ul', attrs, items.map(item)),
  );

function safeUrl(url: string | null): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

export async function renderActorPanel(
  el: HTMLElement,
  id: string | null,
  overlaps: OverlapPair[],
  actions: PanelActions,
): Promise<void> {
  if (!id) return fill(el, empty('Select an actor on the map, or find one with the search box.'));
  fill(el, empty('Loading…'));
  const { actor } = await gql<{ actor: ActorDetail | null }>(ACTOR, { id });
  if (!actor) return fill(el, empty(`No actor '${id}'.`));
  const mine = overlaps.filter((o) => o.actors.some((a) => a.id === id));
  fill(
    el,
    h('h2', { 'data-testid': 'actor-name' }, actor.name),
    h(
      'p',
      {},
      `${words(actor.kind)} · ${words(actor.sector)}`,
      actor.level ? ` · ${actor.level.name}` : '',
      actor.jurisdiction ? ` · ${actor.jurisdiction.name}` : '',
    ),
    actor.description ? h('p', {}, actor.description) : null,
    actor.parent
      ? h(
          'p',
          {},
          'Part of ',
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => actions.focusActor(actor.parent!.id) },
            actor.parent.name,
          ),
        )
      : null,
    listSection(
      'Mandates',
      actor.mandates,
      'No mandates recorded.',
      (m) => {
        const url = safeUrl(m.source?.url ?? null);
        return h(
          'li',
          {},
          h('strong', {}, m.title),
          ` — ${words(m.function)} (${words(m.functionClass)}), ${words(m.strength)}`,
          h('br'),
          h(
            'span',
            { class: 'muted' },
            `on ${m.issues.map((i) => i.name).join(', ')} in ${m.jurisdictions.map((j) => j.name).join(', ')}`,
          ),
          m.source
            ? h(
                'div',
                { class: 'source' },
                'Source: ',
                url
                  ? h(
                      'a',
                      { href: url, target: '_blank', rel: 'noopener noreferrer' },
                      m.source.instrument,
                    )
                  : m.source.instrument,
                m.source.section ? `, ${m.source.section}` : '',
              )
            : h('div', { class: 'source muted' }, 'Source not recorded'),
        );
      },
      { class: 'mandates' },
    ),
    listSection('Partnerships', actor.memberships, 'Member of no partnership.', (m) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: () => actions.choosePartnership(m.partnership.id),
          },
          m.partnership.name,
        ),
        ` — ${words(m.role)}`,
      ),
    ),
    listSection('Interests', actor.interests, 'No stakeholder interests recorded.', (i) =>
      h(
        'li',
        {},
        `${i.issue.name}: ${words(i.stance)}, influence ${i.influence}/5, interest ${i.interest}/5`,
      ),
    ),
    listSection(
      'Overlaps in scope',
      mine,
      'No overlapping mandates with others in this scope.',
      (o) => {
        const other = o.actors.find((a) => a.id !== id) ?? o.actors[0]!;
        return h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => actions.focusPair(id, other.id) },
            other.name,
          ),
          ` — ${o.count} overlap${o.count === 1 ? '' : 's'} (${o.natures.map((n) => `${words(n.nature)} ${n.count}`).join(', ')})`,
        );
      },
    ),
    listSection('Ties', actor.ties, 'No ties recorded.', (t) =>
      h('li', {}, `${t.from.name} ${words(t.kind)} ${t.to.name}`),
    ),
  );
}

interface LevelMatrix {
  issue: { name: string };
  levels: ({ id: string; name: string; rank: number } | null)[];
  cells: {
    functionClass: string;
    level: { id: string } | null;
    actors: { id: string; name: string }[];
    gap: boolean;
    because: string[];
  }[];
}

export async function renderMatrixPanel(
  el: HTMLElement,
  view: ViewState,
  actions: PanelActions,
): Promise<void> {
  if (!view.issueId)
    return fill(
      el,
      empty('Choose an issue in the scope bar to see who holds which functions at which level.'),
    );
  fill(el, empty('Loading…'));
  const { levels } = await gql<{ levels: LevelMatrix }>(LEVELS, {
    issueId: view.issueId,
    jurisdictionId: view.jurisdictionId,
    ...(view.at === 'any' ? { at: null } : view.at ? { at: view.at } : {}),
  });
  const classes = [...new Set(levels.cells.map((c) => c.functionClass))];
  const columns = levels.levels;
  const cellOf = (fc: string, levelId: string | null) =>
    levels.cells.find((c) => c.functionClass === fc && (c.level?.id ?? null) === levelId);
  fill(
    el,
    h('h2', {}, `Functions × levels: ${levels.issue.name}`),
    h(
      'table',
      { class: 'matrix', 'data-testid': 'level-matrix' },
      h(
        'caption',
        {},
        'Who holds each class of function at each level of government. Empty cells marked gap have no holder.',
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Function'),
          columns.map((l) => h('th', { scope: 'col' }, l ? l.name : 'No level')),
        ),
      ),
      h(
        'tbody',
        {},
        classes.map((fc) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, words(fc)),
            columns.map((l) => {
              const cell = cellOf(fc, l?.id ?? null);
              if (!cell) return h('td', {}, '');
              return h(
                'td',
                { class: cell.gap ? 'gap' : '', title: cell.because.join('\n') },
                cell.gap
                  ? 'gap'
                  : cell.actors
                      .map((a, i) => [
                        i > 0 ? ', ' : '',
                        h(
                          'button',
                          {
                            type: 'button',
                            class: 'link',
                            onclick: () => actions.focusActor(a.id),
                          },
                          a.name,
                        ),
                      ])
                      .flat(),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

export function renderGapsPanel(el: HTMLElement, gaps: GapRow[], actions: PanelActions): void {
  if (gaps.length === 0) return fill(el, h('h2', {}, 'Gaps'), empty('No gaps in this scope.'));
  const label = (g: GapRow) =>
    g.kind === 'COVERAGE'
      ? `Coverage ${g.status ?? 'gap'}: ${g.functionClass ? words(g.functionClass) : ''} ${g.issue?.name ?? ''} in ${g.jurisdiction?.name ?? ''}`
      : g.kind === 'COLLABORATION'
        ? `Collaboration: ${g.actors.map((a) => a.name).join(' and ')}`
        : `Engagement: ${g.actors[0]?.name ?? ''}`;
  fill(
    el,
    h('h2', {}, `Gaps (${gaps.length})`),
    h(
      'ul',
      { class: 'gaps', 'data-testid': 'gaps-list' },
      gaps.map((g) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'row',
              onclick: () => {
                const [a, b] = g.actors;
                if (a && b) actions.focusPair(a.id, b.id);
                else if (a) actions.focusActor(a.id);
              },
            },
            label(g),
          ),
          h('div', { class: 'muted' }, g.because.join(' ')),
        ),
      ),
    ),
  );
}

interface TeamAnswer {
  convener: { id: string; name: string } | null;
  suggestedConveners: {
    actor: { id: string; name: string };
    betweenness: number;
    because: string[];
  }[];
  members: { actor: { id: string; name: string }; wedge: string; roles: string[] }[];
}

export async function renderTeamPanel(
  el: HTMLElement,
  view: ViewState,
  actions: PanelActions,
): Promise<void> {
  if (!view.issueId && !view.jurisdictionId)
    return fill(el, empty('Choose an issue or a place to see who needs to work together.'));
  fill(el, empty('Loading…'));
  const { team } = await gql<{ team: TeamAnswer }>(TEAM, { scope: scopeOf(view) });
  const actor = (a: { id: string; name: string }) =>
    h('button', { type: 'button', class: 'link', onclick: () => actions.focusActor(a.id) }, a.name);
  const wedges = ['OWN', 'INTERGOVERNMENTAL', 'COALITION'];
  fill(
    el,
    h('h2', {}, 'Team for this scope'),
    section(
      'Suggested conveners',
      team.suggestedConveners.length === 0
        ? empty('None suggested.')
        : h(
            'ol',
            { 'data-testid': 'conveners' },
            team.suggestedConveners.map((s) =>
              h('li', {}, actor(s.actor), h('div', { class: 'muted' }, s.because.join(' '))),
            ),
          ),
    ),
    ...wedges.map((w) => {
      const members = team.members.filter((m) => m.wedge === w);
      return listSection(`${words(w)} wedge`, members, 'Nobody.', (m) =>
        h(
          'li',
          {},
          actor(m.actor),
          m.roles.length > 0 ? ` — ${m.roles.map(words).join(', ')}` : '',
        ),
      );
    }),
  );
}

interface MaturityAnswer {
  partnership: { name: string };
  baseline: {
    assessment: { date: string };
    dimensions: { dimension: string; score: number }[];
    band: string;
  } | null;
  latest: {
    assessment: { date: string };
    dimensions: { dimension: string; score: number }[];
    band: string;
  } | null;
  change: { dimension: string; from: number; to: number; delta: number }[];
  because: string[];
}

export async function renderMaturityPanel(
  el: HTMLElement,
  view: ViewState,
  actions: PanelActions,
): Promise<void> {
  const { partnerships } = await gql<{ partnerships: { nodes: { id: string; name: string }[] } }>(
    PARTNERSHIPS,
  );
  const select = h(
    'select',
    {
      id: 'partnership-select',
      onchange: (e: Event) => actions.choosePartnership((e.target as HTMLSelectElement).value),
    },
    h('option', { value: '' }, 'Choose a partnership'),
    partnerships.nodes.map((p) =>
      h('option', { value: p.id, selected: p.id === view.partnershipId }, p.name),
    ),
  );
  const picker = h('p', {}, h('label', { for: 'partnership-select' }, 'Partnership '), select);
  if (!view.partnershipId) return fill(el, h('h2', {}, 'Partnering maturity'), picker);
  const { maturity } = await gql<{ maturity: MaturityAnswer }>(MATURITY, {
    id: view.partnershipId,
  });
  fill(
    el,
    h('h2', {}, `Partnering maturity: ${maturity.partnership.name}`),
    picker,
    h(
      'div',
      { 'data-testid': 'radar' },
      radarSvg(maturity.baseline?.dimensions ?? null, maturity.latest?.dimensions ?? null),
    ),
    h(
      'p',
      {},
      maturity.baseline
        ? `Baseline ${maturity.baseline.assessment.date} (${words(maturity.baseline.band)}, dashed)`
        : 'No assessment yet.',
      maturity.latest && maturity.latest !== maturity.baseline
        ? ` · latest ${maturity.latest.assessment.date} (${words(maturity.latest.band)}, filled)`
        : '',
    ),
    h(
      'p',
      { class: 'muted' },
      'Bands: informational 1–2 (red), alignment 3–4 (yellow), partnering 5–6 (green).',
    ),
    maturity.change.length > 0
      ? h(
          'table',
          { class: 'change' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, 'Dimension'),
              h('th', {}, 'Baseline'),
              h('th', {}, 'Latest'),
              h('th', {}, 'Change'),
            ),
          ),
          h(
            'tbody',
            {},
            maturity.change.map((c) =>
              h(
                'tr',
                {},
                h('td', {}, words(c.dimension)),
                h('td', {}, c.from),
                h('td', {}, c.to),
                h('td', {}, c.delta > 0 ? `+${c.delta}` : String(c.delta)),
              ),
            ),
          ),
        )
      : null,
    h(
      'ul',
      {},
      maturity.because.map((b) => h('li', {}, b)),
    ),
  );
}
