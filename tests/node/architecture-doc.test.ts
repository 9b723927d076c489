import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, ROOT, sourceFiles } from './import-graph';

/**
 * docs/architecture.md against the tree: its "Where the code lives" lists every folder of src/
 * and tools/ and every file at the top of src/, and nothing that is not there; its layer chain
 * holds every part of src/, and no import runs up it.
 */
const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');

/** The names listed under a root of the layout block (`src/`, `tools/`): `index.ts, worker.ts` lists two. */
function listedUnder(root: string): string[] {
  const block = /## Where the code lives\n+```\n([^]*?)```/.exec(doc)![1]!;
  const names: string[] = [];
  let inside = false;
  for (const line of block.split('\n')) {
    if (/^\S/.test(line)) inside = line.startsWith(`${root} `);
    else if (inside && /^ {2}\S/.test(line)) names.push(...line.trim().split(/\s{2,}/)[0]!.split(', '));
  }
  return names.sort();
}

const entriesOf = (dir: string, files: boolean) =>
  readdirSync(join(ROOT, dir))
    .filter((name) => (statSync(join(ROOT, dir, name)).isDirectory() ? true : files && name.endsWith('.ts') && !name.endsWith('.d.ts')))
    .map((name) => (statSync(join(ROOT, dir, name)).isDirectory() ? `${name}/` : name))
    .sort();

/** The layer chain of "Layers", top first: `index.ts → worker.ts → front/ → ...`. */
const chain = /`([^`]*→[^`]*)`/.exec(doc.slice(doc.indexOf('## Layers')))![1]!.split('→').map((part) => part.trim());

/** The part of src/ a file belongs to: its top-level file or folder, as the chain names it. */
const partOf = (file: string) => {
  const [, first, second] = file.split('/');
  return second === undefined ? first! : `${first}/`;
};

describe('docs/architecture.md', () => {
  it('lists every folder and top-level file of src/, and nothing else', () => {
    expect(listedUnder('src/')).toEqual(entriesOf('src', true));
  });

  it('lists every folder of tools/, and nothing else', () => {
    expect(listedUnder('tools/')).toEqual(entriesOf('tools', false).filter((name) => name.endsWith('/')));
  });

  it('names every part of src/ in the layer chain, once', () => {
    expect([...chain].sort()).toEqual(entriesOf('src', true));
  });

  it('has no import running up the layer chain', () => {
    const layer = new Map(chain.map((part, i) => [part, i]));
    const src = sourceFiles().filter((f) => f.startsWith('src/') && !f.endsWith('.test.ts'));
    const upward: string[] = [];
    for (const [file, targets] of importGraph(src)) {
      for (const target of targets) {
        if (target.startsWith('src/') && layer.get(partOf(target))! < layer.get(partOf(file))!) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('reads the layout and the chain it checks', () => {
    expect(listedUnder('src/')).toContain('front/');
    expect(chain[0]).toBe('index.ts');
    expect(chain.at(-1)).toBe('text/');
  });
});
