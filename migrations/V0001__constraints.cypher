// Uniqueness of every entity id, per entity label, and of the store's bookkeeping nodes.
// A uniqueness constraint also gives the id index every MERGE and MATCH by id uses.
CREATE CONSTRAINT level_id IF NOT EXISTS FOR (n:GovernmentLevel) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT jurisdiction_id IF NOT EXISTS FOR (n:Jurisdiction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT issue_id IF NOT EXISTS FOR (n:IssueArea) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mandate_id IF NOT EXISTS FOR (n:Mandate) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT partnership_id IF NOT EXISTS FOR (n:Partnership) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT interest_id IF NOT EXISTS FOR (n:Interest) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tie_id IF NOT EXISTS FOR (n:Tie) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT assessment_id IF NOT EXISTS FOR (n:Assessment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT store_version_id IF NOT EXISTS FOR (n:StoreVersion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:Migration) REQUIRE n.version IS UNIQUE;
