/**
 * `mandatemap bench [group ...]`: the benchmarks of `npm run bench`. They ship
 * with the source tree (tests/bench), not with a built package, and run in a
 * child Node with the flags they need (--expose-gc, tsx for TypeScript).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout this CLI runs from, when it has the benchmarks: api/ or dist/api/ is below it. */
function sourceTree(): string | undefined {
  const here = import.meta.dirname;
  return [dirname(here), dirname(dirname(here))].find((root) =>
    existsSync(join(root, 'tests', 'bench', 'run.ts')),
  );
}

export function benchCommand(groups: string[]): Promise<number> {
  const root = sourceTree();
  if (!root) {
    throw new Error(
      'the benchmarks ship with the source tree (tests/bench): run this from a clone of mandatemap',
    );
  }
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join('tests', 'bench', 'run.ts'), ...groups],
    { cwd: root, stdio: 'inherit' },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
