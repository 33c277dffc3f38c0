/** A real store wrapped so a test can count (or break) calls of its methods. */
import type { GraphStore } from '../../graph/index.js';

export interface CountingStore {
  store: GraphStore;
  calls: Map<string, number>;
  total(): number;
  reset(): void;
}

export function countCalls(
  inner: GraphStore,
  fail: Partial<Record<keyof GraphStore, () => unknown>> = {},
): CountingStore {
  const calls = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        const failure = fail[prop as keyof GraphStore];
        if (failure) return Promise.reject(failure());
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    calls,
    total: () => [...calls.values()].reduce((a, b) => a + b, 0),
    reset: () => calls.clear(),
  };
}
