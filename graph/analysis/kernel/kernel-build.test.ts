/**
 * The committed WebAssembly (betweenness-wasm.ts) is what build.sh makes from
 * betweenness.c today: an edit to the C that was not rebuilt fails here. Needs
 * clang and lld; in CI their absence is a failure, elsewhere a stated skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsWith } from '../../../tests/helpers/prerequisite.js';

const here = new URL('.', import.meta.url).pathname;
const hasClang = spawnSync('clang', ['--version']).status === 0;
const reason = 'clang with the wasm32 target is not installed (apt-get install clang lld)';

function wasmOf(file: string): string {
  const match = /BETWEENNESS_WASM\s*=\s*'([A-Za-z0-9+/=]+)'/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`no BETWEENNESS_WASM in ${file}`);
  return match[1]!;
}

describe('betweenness kernel build', () => {
  if (!runsWith(hasClang, 'the kernel build check', reason)) return;

  it('matches betweenness.c as build.sh compiles it now', () => {
    expect(hasClang, reason).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'kernel-'));
    try {
      execFileSync('bash', [join(here, 'build.sh'), '--out', out]);
      expect(wasmOf(join(out, 'betweenness-wasm.ts'))).toBe(
        wasmOf(join(here, 'betweenness-wasm.ts')),
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
