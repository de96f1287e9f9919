// Which view goes on which display: a pure decision, re-run whenever displays are added, removed or changed.
import type { DisplayChoice, KioskConfig } from './config.ts';

export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  primary: boolean;
}

export interface WindowPlan {
  view: 'signage' | 'chair';
  displayId: number;
  bounds: DisplayInfo['bounds'];
  path: string;
}

/** Displays in a stable order a person can count: the primary first, then left to right, top to bottom. */
export function orderDisplays(displays: DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort(
    (a, b) => Number(b.primary) - Number(a.primary) || a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y,
  );
}

function pick(displays: DisplayInfo[], choice: DisplayChoice): DisplayInfo | undefined {
  const ordered = orderDisplays(displays);
  if (choice === 'primary') return ordered[0];
  if (choice === 'secondary') return ordered[1];
  return ordered[choice - 1];
}

export function planWindows(displays: DisplayInfo[], config: KioskConfig): WindowPlan[] {
  if (displays.length === 0) return [];
  const query = new URLSearchParams();
  if (config.room) query.set('room', config.room);
  if (config.lang !== 'en') query.set('lang', config.lang);
  const suffix = query.size ? `?${query}` : '';
  // A display that is not there (unplugged, or a number too high) falls back to the primary for signage.
  const signage = pick(displays, config.signageDisplay) ?? orderDisplays(displays)[0]!;
  const plans: WindowPlan[] = [
    { view: 'signage', displayId: signage.id, bounds: signage.bounds, path: `/signage${suffix}` },
  ];
  if (config.chairDisplay !== 'none') {
    const chair = pick(displays, config.chairDisplay);
    // Never put the chair timer over the door signage: without its own display it waits for one to appear.
    if (chair && chair.id !== signage.id)
      plans.push({ view: 'chair', displayId: chair.id, bounds: chair.bounds, path: `/chair${suffix}` });
  }
  return plans;
}

/**
 * What to do with the open windows for a new plan: a view that stays but whose display moved or changed size is moved
 * (its page keeps running); a view no longer planned is closed; a newly planned view is opened.
 */
export function diffPlans(
  open: WindowPlan[],
  next: WindowPlan[],
): { close: WindowPlan[]; move: WindowPlan[]; open: WindowPlan[] } {
  const sameView = (a: WindowPlan, b: WindowPlan) => a.view === b.view && a.path === b.path;
  const sameBounds = (a: WindowPlan, b: WindowPlan) =>
    a.displayId === b.displayId && JSON.stringify(a.bounds) === JSON.stringify(b.bounds);
  return {
    close: open.filter((o) => !next.some((n) => sameView(o, n))),
    move: next.filter((n) => open.some((o) => sameView(o, n) && !sameBounds(o, n))),
    open: next.filter((n) => !open.some((o) => sameView(o, n))),
  };
}
