/** Every GraphQL document the map sends. */
const ACTOR_SUMMARY = 'id name kind sector level { id name rank } jurisdiction { id name }';

export const NETWORK = `query Network($scope: ScopeInput, $first: Int) {
  network(scope: $scope, first: $first) {
    betweennessExact
    nodes { actor { ${ACTOR_SUMMARY} } degree betweenness component community }
    edges { source target tieKinds partnershipIds connects }
  }
}`;

export const OVERLAYS = `query Overlays($scope: ScopeInput!) {
  overlapSummary(scope: $scope, top: 100) {
    topPairs { actors { id name } count natures { nature count } connected because }
  }
  gaps(scope: $scope, first: 500) {
    nodes {
      kind status functionClass because
      issue { id name } jurisdiction { id name } actors { id name }
    }
  }
}`;

/** Stakeholders need a scope with an issue or a place. */
export const STAKEHOLDERS = `query Stakeholders($scope: ScopeInput!) {
  team(scope: $scope) { stakeholders { actor { id } influence interest stance } }
}`;

export const ACTOR = `query Actor($id: ID!) {
  actor(id: $id) {
    id name description kind sector
    level { name } jurisdiction { name } parent { id name }
    mandates(first: 200) {
      id title function functionClass strength validFrom validTo
      source { instrument section url }
      issues { name } jurisdictions { name }
    }
    memberships(first: 200) { role partnership { id name kind } }
    interests(first: 200) { issue { name } stance influence interest }
    ties(first: 200) { kind from { id name } to { id name } }
  }
}`;

export const ACTOR_OVERLAPS = `query ActorOverlaps($scope: ScopeInput!) {
  overlapSummary(scope: $scope, top: 100) { topPairs { actors { id name } count natures { nature count } because } }
}`;

export const LEVELS = `query Levels($issueId: ID!, $jurisdictionId: ID, $at: Date) {
  levels(issueId: $issueId, jurisdictionId: $jurisdictionId, at: $at) {
    issue { name }
    levels { id name rank }
    cells { functionClass level { id } actors { id name } gap because }
  }
}`;

export const TEAM = `query Team($scope: ScopeInput!) {
  team(scope: $scope) {
    convener { id name }
    suggestedConveners { actor { id name } betweenness because }
    members { actor { id name } wedge roles }
  }
}`;

export const MATURITY = `query Maturity($id: ID!) {
  maturity(partnershipId: $id) {
    partnership { name }
    baseline { assessment { date } dimensions { dimension score } band }
    latest { assessment { date } dimensions { dimension score } band }
    change { dimension from to delta }
    because
  }
}`;

export const PARTNERSHIPS = `query Partnerships { partnerships(first: 500) { nodes { id name } } }`;

export const FIND_ISSUES = `query FindIssues($text: String) {
  issueAreas(filter: { nameContains: $text }, first: 20) { nodes { id name } }
}`;

export const FIND_PLACES = `query FindPlaces($text: String) {
  jurisdictions(filter: { nameContains: $text }, first: 20) { nodes { id name kind } }
}`;

export const FIND_ACTORS = `query FindActors($text: String) {
  actors(filter: { nameContains: $text }, first: 20) { nodes { id name } }
}`;

export const ISSUE_NAME = `query IssueName($id: ID!) { issueArea(id: $id) { id name } }`;
export const PLACE_NAME = `query PlaceName($id: ID!) { jurisdiction(id: $id) { id name } }`;
