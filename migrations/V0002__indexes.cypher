// Lookups besides ids: folded names (text indexes serve CONTAINS), kinds and sectors,
// used by every list query.
CREATE TEXT INDEX level_name IF NOT EXISTS FOR (n:GovernmentLevel) ON (n.nameFolded);
CREATE TEXT INDEX jurisdiction_name IF NOT EXISTS FOR (n:Jurisdiction) ON (n.nameFolded);
CREATE TEXT INDEX issue_name IF NOT EXISTS FOR (n:IssueArea) ON (n.nameFolded);
CREATE TEXT INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.nameFolded);
CREATE TEXT INDEX mandate_name IF NOT EXISTS FOR (n:Mandate) ON (n.nameFolded);
CREATE TEXT INDEX partnership_name IF NOT EXISTS FOR (n:Partnership) ON (n.nameFolded);
CREATE TEXT INDEX interest_name IF NOT EXISTS FOR (n:Interest) ON (n.nameFolded);
CREATE TEXT INDEX tie_name IF NOT EXISTS FOR (n:Tie) ON (n.nameFolded);
CREATE TEXT INDEX assessment_name IF NOT EXISTS FOR (n:Assessment) ON (n.nameFolded);
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX actor_sector IF NOT EXISTS FOR (n:Actor) ON (n.sector);
CREATE INDEX jurisdiction_kind IF NOT EXISTS FOR (n:Jurisdiction) ON (n.kind);
CREATE INDEX partnership_kind IF NOT EXISTS FOR (n:Partnership) ON (n.kind);
