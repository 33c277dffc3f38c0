/**
 * Analysis worker thread: holds its own copy of the graph state, kept in step
 * by the pool, and answers analyses with an AnalysisEngine over it, so the
 * request thread never runs one.
 */
import { parentPort } from 'node:worker_threads';
import { AnalysisEngine } from '../analysis-engine.js';
import { GraphError, isGraphError } from '../errors.js';
import { stateFromSnapshot } from '../model/index.js';
import type { AnyEntity, GraphState, Stored } from '../model/index.js';
import { ANALYSIS_METHODS } from './analysis-protocol.js';
import type { FromWorker, ToWorker, WireError } from './analysis-protocol.js';

let state: GraphState | undefined;
const engine = new AnalysisEngine(() => {
  if (!state) throw new Error('analysis worker has no graph state yet');
  return state;
});

function wire(error: unknown): WireError {
  if (isGraphError(error)) {
    return { name: error.name, message: error.message, code: error.code, details: error.details };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, stack: e.stack };
}

function send(message: FromWorker): void {
  parentPort!.postMessage(message);
}

async function run(message: Extract<ToWorker, { kind: 'run' }>): Promise<void> {
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

parentPort!.on('message', (message: ToWorker) => {
  if (message.kind === 'reset') {
    state = stateFromSnapshot({ version: message.version, entities: message.entities });
    return;
  }
  if (message.kind === 'commit') {
    if (!state || message.change.version <= state.version) return;
    for (const { type, id, after } of message.change.entities) {
      const map = state.entities[type] as Map<string, Stored<AnyEntity>>;
      if (after) map.set(id, after);
      else map.delete(id);
    }
    state.version = message.change.version;
    return;
  }
  queue = queue.then(() =>
    run(message).catch((error: unknown) =>
      send({ kind: 'failed', id: message.id, error: wire(error) }),
    ),
  );
});
