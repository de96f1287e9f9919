// The chair timer's colour as time runs out: shared by the server and the views (small, no dependencies).

export const TIMER_PHASES = ['normal', 'warning', 'danger', 'overtime'] as const;
export type TimerPhase = (typeof TIMER_PHASES)[number];

/** normal → warning → danger → overtime (at zero and below). */
export function timerPhase(remainingMs: number, warningSeconds: number, dangerSeconds: number): TimerPhase {
  if (remainingMs <= 0) return 'overtime';
  if (remainingMs <= dangerSeconds * 1000) return 'danger';
  return remainingMs <= warningSeconds * 1000 ? 'warning' : 'normal';
}
