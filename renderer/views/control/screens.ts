// The screens connected to the show server (GET /api/screens), for the "Connected screens" list.
import type { ScreenInfo } from '../../../core/contract/screens.ts';

export type { ScreenInfo };

/** "box: 2 signage, 1 chair" for a room's box; the view's name for any other screen. */
export function viewLabel(s: ScreenInfo): string {
  if (!s.screens) return s.view;
  const parts = Object.entries(s.screens)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([view, n]) => `${n} ${view}`);
  return `${s.view}: ${parts.length ? parts.join(', ') : 'no screen'}`;
}

export async function fetchScreens(): Promise<ScreenInfo[] | null> {
  try {
    const res = await fetch('/api/screens', { cache: 'no-store' });
    return res.ok ? ((await res.json()) as ScreenInfo[]) : null;
  } catch {
    return null;
  }
}

/** This room's screens first, then by view and by connection order. */
export function sortScreens(screens: ScreenInfo[], room: string): ScreenInfo[] {
  return [...screens].sort(
    (a, b) =>
      Number(b.room === room) - Number(a.room === room) ||
      a.room.localeCompare(b.room) ||
      a.view.localeCompare(b.view) ||
      a.id - b.id,
  );
}
