import { loadavg } from 'node:os';

// What a benchmark reports, and the statistics the benchmarks share (medians and percentiles, never means).

export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  /** When it was measured (ISO 8601), and the machine's load average then: figures come from separate runs. */
  measured?: string;
  load?: string;
}

/** Stamps figures with the time and the machine's 1/5/15-minute load averages (a shared machine: say how busy). */
export function stamped(figures: Figure[]): Figure[] {
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  const measured = new Date().toISOString();
  return figures.map((f) => ({ ...f, measured, load }));
}

/** The value at quantile q (0..1) of the samples, nearest-rank. */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) throw new Error('no samples');
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export const round = (x: number, digits = 2) => Number(x.toFixed(digits));
