import type { ProfileSummary } from './profile.js';
import type { Summary } from './stats.js';
import type { DriverName } from './target.js';
import type { LoopResult } from './workload.js';

/** A measured latency with the failures seen while measuring it. */
export type Measured = Summary & { failures: number };

/** One line of a side-by-side table: a label and a figure per column. */
export interface Row {
  /** A stable key for rows other code looks up (the target checks). */
  id?: string;
  label: string;
  cells: Partial<Record<string, Measured>>;
  note?: string;
}

/** Everything one benchmark run measured, as the report renders it. */
export interface Results {
  startedAt: Date;
  finishedAt?: Date;
  machine: Record<string, string>;
  drivers: DriverName[];
  notes: string[];
  /** Statements issued per turn kind (from the captured SQL). */
  statements: Record<string, number>;
  latency: Row[];
  growth: Row[];
  endpoints: Row[];
  throughput: Array<{ driver: DriverName; users: number; rounds: LoopResult[] }>;
  startup: Row[];
  rss: Partial<Record<DriverName, Array<{ turns: number; mb: number }>>>;
  probes: string[];
  profile?: ProfileSummary & { workload: string; reason: string };
}
