/**
 * Analysis worker thread: holds its own copy of the graph state, kept in step
 * by the pool, and answers analyses with an AnalysisEngine over it, so the
 * request thread never runs one.
 */
import { parentPort } from 'node:worker_threads';
import { AnalysisEngine } from '../analysis-engine.js';
import { GraphError } from '../errors.js';
import { emptyLists, stateFromSnapshot } from '../model/index.js';
import type { AnyEntity, EntityLists, GraphState, Stored } from '../model/index.js';
import type { CommittedChange } from '../service.js';
import { ANALYSIS_METHODS } from './analysis-protocol.js';
import type { FromWorker, ToWorker } from './analysis-protocol.js';
import { toWire } from './wire-error.js';

let state: GraphState | undefined;
/** A full copy being received, and the writes that came in meanwhile (applied once it is whole). */
let assembling: { generation: number; version: number; lists: EntityLists } | undefined;
let held: CommittedChange[] = [];
/** Settles when no full copy is being received: runs wait for it. */
let whole: Promise<void> = Promise.resolve();
let settleWhole: (() => void) | undefined;
const engine = new AnalysisEngine(() => {
  if (!state) throw new Error('analysis worker has no graph state yet');
  return state;
});

function send(message: FromWorker): void {
  parentPort!.postMessage(message);
}

async function run(message: Extract<ToWorker, { kind: 'run' }>): Promise<void> {
  await whole;
  if (Date.now() > message.deadline) {
    throw new GraphError('LIMIT_EXCEEDED', 'the analysis waited past its time limit', {
      reason: 'TIME_LIMIT',
    });
  }
  if (!(ANALYSIS_METHODS as readonly string[]).includes(message.method)) {
    throw new Error(`unknown analysis method ${message.method}`);
  }
  if (!state) throw new Error('analysis worker has no graph state yet');
  send({ kind: 'started', id: message.id });
  // The engine reads the state synchronously before any await: the answer is of this version.
  const version = state.version;
  const method = engine[message.method] as (...args: unknown[]) => unknown;
  const result = await method.apply(engine, message.args);
  send({ kind: 'done', id: message.id, version, result });
}

// Runs are answered one at a time, in the order they came.
let queue: Promise<void> = Promise.resolve();

function apply(change: CommittedChange): void {
  if (!state || change.version <= state.version) return;
  for (const { type, id, after } of change.entities) {
    const map = state.entities[type] as Map<string, Stored<AnyEntity>>;
    if (after) map.set(id, after);
    else map.delete(id);
  }
  state.version = change.version;
}

parentPort!.on('message', (message: ToWorker) => {
  switch (message.kind) {
    case 'reset-begin':
      assembling = {
        generation: message.generation,
        version: message.version,
        lists: emptyLists(),
      };
      held = [];
      if (!settleWhole) whole = new Promise((resolve) => (settleWhole = resolve));
      return;
    case 'reset-chunk':
      if (assembling?.generation === message.generation) {
        const list = assembling.lists[message.type] as Stored<AnyEntity>[];
        for (const entity of message.entities) list.push(entity);
      }
      return;
    case 'reset-end':
      if (assembling?.generation !== message.generation) return;
      state = stateFromSnapshot({ version: assembling.version, entities: assembling.lists });
      assembling = undefined;
      for (const change of held) apply(change);
      held = [];
      settleWhole?.();
      settleWhole = undefined;
      return;
    case 'commit':
      if (assembling) held.push(message.change);
      else apply(message.change);
      return;
    case 'run':
      break;
  }
  queue = queue.then(() =>
    run(message).catch((error: unknown) =>
      send({ kind: 'failed', id: message.id, error: toWire(error) }),
    ),
  );
});
