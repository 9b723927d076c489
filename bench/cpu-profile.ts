import { SourceMap } from 'node:module';

/**
 * Aggregates a V8 CPU profile (Chrome DevTools Protocol `Profiler.stop`, the sampled call tree
 * of the worker's isolate) into milliseconds per request: self time (the frame on top of the
 * stack) and total time (the frame anywhere on the stack, counted once per sample), by function
 * and by source file, located through the bundle's source map (Node's own `module.SourceMap`,
 * no dependency). The bundle is minified, so names and files come from the map.
 *
 * Each sample's time is the interval to the next sample (how DevTools attributes it); (idle) is
 * the isolate waiting (I/O, the next request) and is left out of the CPU figures.
 */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileRow {
  key: string;
  selfMs: number;
  totalMs: number;
}
export interface ProfileSummary {
  requests: number;
  /** Sampled CPU of the isolate per request (idle left out), ms. */
  cpuMsPerRequest: number;
  byFunction: ProfileRow[];
  byFile: ProfileRow[];
  /** By package (node_modules/<name>) or directory of src/: where to look first. */
  byPackage: ProfileRow[];
}

const VM_FRAMES = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** `node_modules/graphql/execution/execute.mjs` or `src/worker.ts`, from a source map's path. */
export function shortSource(source: string): string {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) return source.slice(modules);
  const src = source.search(/(^|\/)(src|bench|tools)\//);
  return src >= 0 ? source.slice(src).replace(/^\//, '') : source.replace(/^.*\//, '');
}

/** `graphql-yoga`, `@whatwg-node/server`, `src/http`: the package or source directory of a file. */
export function packageOf(file: string): string {
  const modules = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (modules) return modules[1]!;
  const dir = /^((?:src|bench|tools)\/[^/]+)\//.exec(file);
  return dir ? dir[1]! : file;
}

/** Where a frame comes from: its original file and function, through the map when it is the bundle's. */
function locate(frame: CallFrame, map: SourceMap | undefined, bundleName: string): { file: string; fn: string } {
  if (VM_FRAMES.has(frame.functionName)) return { file: frame.functionName, fn: frame.functionName };
  if (!frame.url) return { file: '(native)', fn: frame.functionName || '(anonymous)' };
  if (map && frame.url.endsWith(bundleName)) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number; name?: string };
    if (entry.originalSource) {
      const file = shortSource(entry.originalSource);
      return { file, fn: `${entry.name ?? (frame.functionName || '(anonymous)')} ${file}:${(entry.originalLine ?? 0) + 1}` };
    }
  }
  const file = frame.url.replace(/^.*\//, '');
  return { file, fn: `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}` };
}

export function summarize(profile: CpuProfile, requests: number, mapText?: string, bundleName = '.js'): ProfileSummary {
  const map = mapText ? new SourceMap(JSON.parse(mapText) as ConstructorParameters<typeof SourceMap>[0]) : undefined;
  const parent = new Map<number, number>();
  const where = new Map<number, { file: string; fn: string }>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
    where.set(node.id, locate(node.callFrame, map, bundleName));
  }
  const fnSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  const fileTotal = new Map<string, number>();
  const packageSelf = new Map<string, number>();
  const packageTotal = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
  let cpu = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const top = where.get(id)!;
    if (top.fn === '(idle)') return;
    cpu += us;
    add(fnSelf, top.fn, us);
    add(fileSelf, top.file, us);
    add(packageSelf, packageOf(top.file), us);
    const fns = new Set<string>();
    const files = new Set<string>();
    const packages = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const w = where.get(n)!;
      if (w.fn === '(root)') continue;
      fns.add(w.fn);
      files.add(w.file);
      packages.add(packageOf(w.file));
    }
    for (const f of fns) add(fnTotal, f, us);
    for (const f of files) add(fileTotal, f, us);
    for (const p of packages) add(packageTotal, p, us);
  });
  const perRequest = (us: number) => us / 1000 / requests;
  const rows = (self: Map<string, number>, total: Map<string, number>): ProfileRow[] =>
    [...total.keys()]
      .map((key) => ({ key, selfMs: perRequest(self.get(key) ?? 0), totalMs: perRequest(total.get(key) ?? 0) }))
      .sort((a, b) => b.selfMs - a.selfMs);
  return {
    requests,
    cpuMsPerRequest: perRequest(cpu),
    byFunction: rows(fnSelf, fnTotal),
    byFile: rows(fileSelf, fileTotal),
    byPackage: rows(packageSelf, packageTotal),
  };
}

/** The top of a summary as Markdown: by package, by file, by function (self), by function (total). */
export function profileReport(summary: ProfileSummary, top = 25): string {
  const ms = (v: number) => v.toFixed(4);
  const table = (title: string, rows: ProfileRow[]) =>
    [`| ${title} | self ms/req | total ms/req |`, '|---|---|---|', ...rows.slice(0, top).map((r) => `| ${r.key} | ${ms(r.selfMs)} | ${ms(r.totalMs)} |`)].join('\n');
  const byTotal = [...summary.byFunction].sort((a, b) => b.totalMs - a.totalMs);
  return [
    `${summary.requests} requests; sampled isolate CPU ${ms(summary.cpuMsPerRequest)} ms/request (idle left out)`,
    '',
    table('package or source directory', summary.byPackage),
    '',
    table('file', summary.byFile),
    '',
    table('function (by self)', summary.byFunction),
    '',
    table('function (by total)', byTotal),
  ].join('\n');
}
