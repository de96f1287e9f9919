// How soon a crashed view is reloaded: at once is a crash loop that eats the CPU, never is a dark screen. Pure.

/** Crashes further apart than this start the backoff again. */
export const CRASH_MEMORY_MS = 10 * 60_000;
export const FIRST_RELOAD_MS = 1000;
export const LONGEST_RELOAD_MS = 60_000;
/** A window that does not answer for this long has its renderer restarted. */
export const HANG_GRACE_MS = 10_000;

/** 1 s after a first crash, then 2, 4, 8 … up to 60 s while it keeps crashing; `history` holds recent crash times. */
export function nextReload(history: number[], now: number): { delayMs: number; history: number[] } {
  const recent = [...history.filter((t) => now - t < CRASH_MEMORY_MS), now];
  const delayMs = Math.min(FIRST_RELOAD_MS * 2 ** (recent.length - 1), LONGEST_RELOAD_MS);
  return { delayMs, history: recent };
}
