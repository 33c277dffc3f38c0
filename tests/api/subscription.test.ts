import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';

let t: TestApp | undefined;
afterEach(async () => t?.close());

function nextMessage(ws: WebSocket, type: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString());
      if (message.type !== type) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
    ws.once('error', reject);
  });
}

describe('graphChanged subscription', () => {
  it('tells a listening client about each committed write', async () => {
    t = await makeTestApp({ sample: false });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as { port: number };
    const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await nextMessage(ws, 'connection_ack');
    ws.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: {
          query: 'subscription { graphChanged { version upserted { type id } deleted { id } } }',
        },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const received = nextMessage(ws, 'next');
    await t.gql('mutation { createGovernmentLevel(input: { name: "National", rank: 1 }) { id } }');
    const message = await received;
    expect(message.payload.data.graphChanged).toEqual({
      version: 1,
      upserted: [{ type: 'LEVEL', id: 'national' }],
      deleted: [],
    });
    ws.close();
  });
});
