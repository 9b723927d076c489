import type { KvStats } from '../src/store/kv-stats-header';
import type { HeapUsage } from './isolate-heap';
import type { LoadFigures } from './measure';
import type { SoakFigures } from './soak';
import type { StaticFigures } from './static-figures';
import type { PeerOperationFigures } from './peer/compare';

/** What one bench run found; written as JSON to bench/results/ and printed as tables. */
export interface OperationFigures {
  name: string;
  responseBytes: number;
  kvCold: KvStats;
  kvWarm: KvStats;
  cold: LoadFigures;
  warm: LoadFigures;
  /** Warm isolate, but every request distinct, so executed (no response-memo hit). */
  warmExecuted: LoadFigures;
  floorKv: LoadFigures;
  floorMemory: LoadFigures;
}

export interface SizeFigures {
  articles: number;
  keys: number;
  bytes: number;
  version: string;
  buildMs: number;
  buildMaxRssMb: number;
  /** Peak RSS of the whole build-and-load process (the entries are built again as loaded). */
  maxRssMb?: number;
  loadMs: number;
  /** The largest stored value, by key within the version. */
  largestValue?: { key: string; bytes: number };
  operations: OperationFigures[];
  /** The Apollo peer beside the worker (bench/peer/); absent with --skip-peer. */
  peer?: PeerOperationFigures[];
  /** The isolate's heap after each phase (bench/isolate-heap.ts). */
  heap: HeapPhase[];
  /** The highest total heap read during the whole size's run (every 500 ms, and per phase). */
  peakTotalMiB: number;
  soak?: SoakFigures;
}

export interface HeapPhase extends HeapUsage {
  phase: string;
}

export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; freeGiB?: number; node: string; loadAverage: number[] };
  /** `vars`: wrangler vars given with --var; `onlySoak`: --only soak (no latency tables). */
  settings: { connections: number; seconds: number; vars?: Record<string, string>; onlySoak?: boolean };
  static: StaticFigures;
  sizes: SizeFigures[];
}
