import { afterAll, describe, it } from 'vitest';
import { openNeo4jStore } from '../../graph/store/neo4j/neo4j-store.js';
import { neo4jAvailability } from '../helpers/neo4j-target.js';
import { describeGraphStoreContract } from './graph-store.contract.js';

const availability = await neo4jAvailability();

if ('skip' in availability) {
  console.warn(availability.skip);
  describe.skip('GraphStore contract: neo4j', () => {
    it(availability.skip, () => {});
  });
} else {
  const { target } = availability;
  afterAll(() => target.stop());
  describeGraphStoreContract(`neo4j ${target.uri}`, async () => {
    await target.wipe();
    return openNeo4jStore({
      uri: target.uri,
      user: target.user,
      password: target.password,
      database: target.database,
      startupWaitMs: 0,
    });
  });
}
