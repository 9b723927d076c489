import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchmarkPage } from './benchmark';

/**
 * Runs the benchmark's own evaluate.py (python3) and returns its header and the line of our
 * output. evaluate.py reads ground-truth.json and output/*.json from its working directory, so a
 * half is scored by running the same script in a scratch folder holding that half's truth and
 * predictions only.
 */
function run(script: string, cwd: string, name: string): string {
  const out = execFileSync('python3', [script, '--n-bootstrap', '100'], { cwd, encoding: 'utf8' });
  return out.split('\n').filter((l, i) => i === 0 || l.startsWith(name)).join('\n');
}

export function evaluatePy(dir: string, name: string, version: string, pages?: BenchmarkPage[]): string {
  const script = resolve(dir, 'evaluate.py');
  try {
    if (!pages) return run(script, dir, name);
    const scratch = mkdtempSync(join(tmpdir(), 'aeb-half-'));
    try {
      mkdirSync(join(scratch, 'output'));
      writeFileSync(join(scratch, 'ground-truth.json'), JSON.stringify(Object.fromEntries(pages.map((p) => [p.id, { articleBody: p.truth }]))));
      writeFileSync(join(scratch, 'output', `${name}.json`), JSON.stringify({ version, output: Object.fromEntries(pages.map((p) => [p.id, { articleBody: p.predicted }])) }));
      return run(script, scratch, name);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  } catch (error) {
    return `evaluate.py failed: ${(error as Error).message.split('\n')[0]}`;
  }
}
