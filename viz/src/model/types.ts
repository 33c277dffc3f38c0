/**
 * The shapes the map reads from /graphql (enum values as GraphQL spells
 * them), and the import report POST /api/import sends (DESIGN.md). Written
 * out here: the map reaches the server only over HTTP, never through its
 * code (tests/architecture.test.ts).
 */
export interface ActorSummary {
  id: string;
  name: string;
  kind: string;
  sector: string;
  level: { id: string; name: string; rank: number } | null;
  jurisdiction: { id: string; name: string } | null;
}

export interface NetworkNode {
  actor: ActorSummary;
  degree: number;
  betweenness: number;
  component: number;
  community: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  tieKinds: string[];
  partnershipIds: string[];
  connects: boolean;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  betweennessExact: boolean;
}

export interface OverlapPair {
  actors: { id: string; name: string }[];
  count: number;
  natures: { nature: string; count: number }[];
  connected: boolean;
  because: string[];
}

export interface GapRow {
  kind: 'COVERAGE' | 'COLLABORATION' | 'ENGAGEMENT';
  status: string | null;
  issue: { id: string; name: string } | null;
  jurisdiction: { id: string; name: string } | null;
  functionClass: string | null;
  actors: { id: string; name: string }[];
  because: string[];
}

export interface Stakeholder {
  actor: { id: string };
  influence: number;
  interest: number;
  stance: string;
}

/** What the map draws beside the network, each switched on or off by the user. */
export interface Overlays {
  overlaps: OverlapPair[];
  gaps: GapRow[];
  stakeholders: Stakeholder[];
}

export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  value: string;
  code: string;
  message: string;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  committed: boolean;
  counts: { created: number; updated: number; unchanged: number; rejected: number };
  errors: ImportProblem[];
  warnings: ImportProblem[];
}
