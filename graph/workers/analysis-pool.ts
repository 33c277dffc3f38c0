/**
 * Analysis worker threads, seen from the request thread: each worker keeps a
 * copy of the graph state (a full copy when it falls out of step, then every
 * committed write), runs are spread over the least busy worker, and a run
 * past its time limit is answered LIMIT_EXCEEDED and its worker replaced, so
 * one expensive question cannot hold the others up for ever.
 * Main class: AnalysisPool.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { GraphError } from '../errors.js';
import { ENTITY_TYPES } from '../model/index.js';
import type { AnyEntity, GraphState, Stored } from '../model/index.js';
import type { CommittedChange } from '../service.js';
import type { AnalysisMethod, FromWorker, ToWorker } from './analysis-protocol.js';
import { fromWire } from './wire-error.js';
import { spawnWorker } from './spawn.js';

export interface AnalysisPoolOptions {
  /** Worker threads (at least 1). */
  workers: number;
  /** Longest a run may take, waiting behind other runs included (not the graph copy before it). */
  timeoutMs: number;
}

type RunMessage = Extract<ToWorker, { kind: 'run' }>;

interface Job {
  message: RunMessage;
  started: boolean;
  timer: NodeJS.Timeout;
  resolve: (answer: { version: number; result: unknown }) => void;
  reject: (error: Error) => void;
}

/**
 * Entities per message of a full copy: cloning one chunk takes a few
 * milliseconds, and the request thread serves other requests between chunks.
 */
const RESET_CHUNK = 2_000;

/**
 * A write of more entities than this reaches a worker as a full copy, in
 * chunks, when the worker is next needed: posting the 300,000 mandates of a
 * large import as one commit held the request thread for a second per worker.
 */
const LARGEST_COMMIT = 10 * RESET_CHUNK;

interface Slot {
  worker: Worker;
  /** The state object this worker mirrors, and the version it has reached. */
  synced: GraphState | undefined;
  version: number;
  /** The full copy under way (its generation, and when it is all sent). */
  generation: number;
  sending: Promise<void> | undefined;
  jobs: Map<number, Job>;
  retired: boolean;
}

export class AnalysisPool {
  private readonly slots: (Slot | undefined)[];
  private nextId = 1;
  private latest: GraphState | undefined;
  private closed = false;
  /** Full copies of the state sent to workers so far. */
  resets = 0;

  constructor(private readonly options: AnalysisPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.workers) }, () => undefined);
  }

  /** Keeps workers in step with a write to `state` (GraphService's 'committed' event). */
  committed(change: CommittedChange, state: GraphState): void {
    if (change.entities.length > LARGEST_COMMIT) {
      for (const slot of this.slots) if (slot) slot.synced = undefined;
      return;
    }
    const message: ToWorker = {
      kind: 'commit',
      change: {
        version: change.version,
        // Workers need only what each entity is now.
        entities: change.entities.map(({ type, id, after }) => ({ type, id, before: null, after })),
      },
    };
    for (const slot of this.slots) {
      if (slot && slot.synced === state && change.version > slot.version) {
        slot.worker.postMessage(message);
        slot.version = change.version;
      }
    }
  }

  /** Runs one analysis over `state` in a worker; the answer says which version it was computed at. */
  async run(
    state: GraphState,
    method: AnalysisMethod,
    args: unknown[],
  ): Promise<{ version: number; result: unknown }> {
    if (this.closed) {
      throw new GraphError('STORE_UNAVAILABLE', 'the server is shutting down', {
        reason: 'SHUTTING_DOWN',
      });
    }
    this.latest = state;
    const slot = this.pick();
    await this.sync(slot, state);
    if (slot.retired) return this.run(state, method, args);
    const { timeoutMs } = this.options;
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const message: RunMessage = {
        kind: 'run',
        id,
        method,
        args,
        deadline: Date.now() + timeoutMs,
      };
      const timer = setTimeout(() => this.expire(id), timeoutMs);
      timer.unref();
      slot.jobs.set(id, { message, started: false, timer, resolve, reject });
      slot.worker.postMessage(message);
    });
  }

  /** Runs waiting or under way, over all workers. */
  get pending(): number {
    return this.slots.reduce((n, slot) => n + (slot?.jobs.size ?? 0), 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0, this.slots.length);
    for (const slot of slots) {
      if (!slot) continue;
      slot.retired = true;
      for (const job of slot.jobs.values()) {
        clearTimeout(job.timer);
        job.reject(
          new GraphError('STORE_UNAVAILABLE', 'the server is shutting down', {
            reason: 'SHUTTING_DOWN',
          }),
        );
      }
      slot.jobs.clear();
      await slot.worker.terminate();
    }
  }

  private pick(): Slot {
    let best: Slot | undefined;
    for (let i = 0; i < this.slots.length; i += 1) {
      const slot = (this.slots[i] ??= this.spawn());
      if (!best || slot.jobs.size < best.jobs.size) best = slot;
    }
    return best!;
  }

  private spawn(): Slot {
    const slot: Slot = {
      worker: spawnWorker('analysis-worker'),
      synced: undefined,
      version: -1,
      generation: 0,
      sending: undefined,
      jobs: new Map(),
      retired: false,
    };
    slot.worker.unref();
    slot.worker.on('message', (message: FromWorker) => this.receive(slot, message));
    slot.worker.on('error', (error) => this.fail(slot, error));
    slot.worker.on('exit', (code) => {
      if (!slot.retired) this.fail(slot, new Error(`analysis worker exited with code ${code}`));
    });
    return slot;
  }

  /**
   * Brings the worker to `state`: nothing to do when it mirrors it already;
   * else a full copy, in chunks, with the request thread's turn between them.
   * Writes committed meanwhile follow as commits (the worker holds them until
   * the copy is whole). Entities are never changed in place, so the lists
   * taken at the start are the state at that version throughout.
   */
  private async sync(slot: Slot, state: GraphState): Promise<void> {
    if (slot.synced === state && slot.version >= state.version) {
      await slot.sending;
      return;
    }
    const generation = ++slot.generation;
    slot.synced = state;
    slot.version = state.version;
    this.resets += 1;
    const lists = ENTITY_TYPES.map(
      (type) => [type, [...state.entities[type].values()] as Stored<AnyEntity>[]] as const,
    );
    const post = (message: ToWorker) => slot.worker.postMessage(message);
    slot.sending = (async () => {
      post({ kind: 'reset-begin', generation, version: state.version });
      for (const [type, entities] of lists) {
        for (let i = 0; i < entities.length; i += RESET_CHUNK) {
          if (slot.generation !== generation || slot.retired) return;
          post({
            kind: 'reset-chunk',
            generation,
            type,
            entities: entities.slice(i, i + RESET_CHUNK),
          });
          await nextTurn();
        }
      }
      if (slot.generation === generation && !slot.retired) post({ kind: 'reset-end', generation });
    })();
    await slot.sending;
  }

  private receive(slot: Slot, message: FromWorker): void {
    const job = slot.jobs.get(message.id);
    if (!job) return;
    if (message.kind === 'started') {
      job.started = true;
      return;
    }
    slot.jobs.delete(message.id);
    clearTimeout(job.timer);
    if (message.kind === 'done') job.resolve({ version: message.version, result: message.result });
    else job.reject(fromWire(message.error, 'analysis'));
  }

  /** A run past its time: refused; if its worker is busy with it, that worker is replaced. */
  private expire(id: number): void {
    const slot = this.slots.find((s) => s?.jobs.has(id));
    const job = slot?.jobs.get(id);
    if (!slot || !job) return;
    slot.jobs.delete(id);
    job.reject(
      new GraphError(
        'LIMIT_EXCEEDED',
        `the analysis took longer than ${this.options.timeoutMs} ms; narrow the scope`,
        { reason: 'TIME_LIMIT', limitMs: this.options.timeoutMs },
      ),
    );
    if (job.started) this.replace(slot);
  }

  /** The worker died: the run it was on fails, the others move to a new worker. */
  private fail(slot: Slot, error: Error): void {
    if (slot.retired) return;
    const lost: Job[] = [];
    for (const job of slot.jobs.values()) if (job.started) lost.push(job);
    for (const job of lost) {
      slot.jobs.delete(job.message.id);
      clearTimeout(job.timer);
      job.reject(error);
    }
    this.replace(slot);
  }

  private replace(slot: Slot): void {
    slot.retired = true;
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    const waiting = [...slot.jobs.values()];
    slot.jobs.clear();
    if (this.closed) return;
    const fresh = this.spawn();
    this.slots[index] = fresh;
    if (waiting.length === 0) return;
    // The waiting runs belong to the new worker now (their time limits still hold), sent once it has the graph.
    for (const job of waiting) {
      job.started = false;
      fresh.jobs.set(job.message.id, job);
    }
    const latest = this.latest;
    void (async () => {
      if (latest) await this.sync(fresh, latest);
      for (const job of waiting) {
        if (fresh.jobs.has(job.message.id) && !fresh.retired) fresh.worker.postMessage(job.message);
      }
    })();
  }
}
