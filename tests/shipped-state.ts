// A room's state as the views receive it, made without a server (no warnings, nothing refused), and the shipped
// program's first day in room L108-A after actions applied at local times: shared by the unit tests of the chair's
// rules and of the screens' wire form.
import { stateJson, type StateContext, type StateJson } from '../core/contract/state.ts';
import type { Action } from '../core/live/actions.ts';
import { resolveLive, type LiveScreen } from '../core/live/live-screen.ts';
import { reduce } from '../core/live/reducer.ts';
import { emptyLive } from '../core/live/state.ts';
import { buildTimeline, type Timeline } from '../core/schedule/timeline.ts';
import { parseInstant } from '../core/time.ts';
import { loadShippedProgram } from './helpers.ts';

/** The state of `screen` at `now`, as a server with a program that loaded cleanly would send it. */
export function serverlessState(
  tl: Timeline,
  screen: LiveScreen,
  now: number,
  ctx: Partial<StateContext> & { rehearsal?: boolean } = {},
): StateJson {
  const { rehearsal = false, ...rest } = ctx;
  return stateJson(tl, screen, {
    seq: 0,
    clock: { now, serverTime: now, speed: 1, rehearsal },
    program: {
      file: 'program.json',
      loadedAt: '2026-06-01T00:00:00+02:00',
      warnings: [],
      warningCount: 0,
      warningKinds: [],
      problem: null,
    },
    storeWarning: null,
    ...rest,
  });
}

export const shipped = buildTimeline(loadShippedProgram());
export const SHIPPED_ROOM = 'L108-A';

/** A local time of the shipped program ("09:40" on day 1, 29 June, or a full "2026-06-30T09:40") as an instant. */
export function shippedAt(local: string): number {
  const parsed = parseInstant(local.includes('T') ? local : `2026-06-29T${local}`, shipped.zone);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.at;
}

/**
 * The state of room L108-A at `local` after timed actions (`seq` their count). `elsewhere` makes the other rooms'
 * list from the room's own screen; `lists` and `rehearsal` as in the state.
 */
export function shippedStateAt(
  local: string,
  steps: [string, Action][] = [],
  options: {
    rehearsal?: boolean;
    lists?: boolean;
    elsewhere?: (screen: LiveScreen) => NonNullable<StateContext['elsewhere']>;
  } = {},
): StateJson {
  const live = steps.reduce(
    (s, [when, action]) => reduce(shipped, s, action, shippedAt(when), SHIPPED_ROOM),
    emptyLive(),
  );
  const now = shippedAt(local);
  const screen = resolveLive(shipped, live, SHIPPED_ROOM, now);
  return serverlessState(shipped, screen, now, {
    seq: steps.length,
    rehearsal: options.rehearsal,
    lists: options.lists,
    ...(options.elsewhere ? { elsewhere: options.elsewhere(screen) } : {}),
  });
}
