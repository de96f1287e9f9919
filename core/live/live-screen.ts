// What a room shows at an instant once the live adjustments apply: delay, a really-started timer, AV's manual pick.
import { isBreakKind } from '../schedule/kinds.ts';
import { resolveInIndex, type Screen, UnknownRoomError } from '../schedule/resolve.ts';
import { byTime, indexItems, type RoomIndex, type Timeline, type TimelineItem } from '../schedule/timeline.ts';
import type { Instant } from '../time.ts';
import { own } from '../own.ts';
import { emptyRoom, type LiveState, type Message, type RoomLive, type TimerState } from './state.ts';

import { timerPhase, type TimerPhase } from './timer-phase.ts';

export { timerPhase, TIMER_PHASES, type TimerPhase } from './timer-phase.ts';

export interface TimerView {
  itemId: string;
  /** 'timer' once someone started, paused or changed it; 'schedule' while it simply follows the program. */
  source: 'timer' | 'schedule';
  running: boolean;
  startedAt: Instant;
  /** When the countdown reaches zero if it keeps running (for a paused timer: if resumed now). */
  endsAt: Instant;
  pausedAt: Instant | null;
  /** At `at`; negative in overtime. */
  remainingMs: number;
  phase: TimerPhase;
  warningSeconds: number;
  dangerSeconds: number;
}

export interface LiveScreen extends Screen {
  mode: RoomLive['mode'];
  delayMinutes: number;
  /** The item the chair timer counts for, null when nothing is on. */
  timer: TimerView | null;
  messages: { speaker: Message | null; public: Message | null };
  blackout: boolean;
  /** The whole day of the item on now (else of the next one) in this room, with live times, for the control view. */
  day: TimelineItem[];
}

export function roomLive(live: LiveState, room: string): RoomLive {
  return own(live.rooms, room) ?? emptyRoom();
}

export function resolveLive(timeline: Timeline, live: LiveState, room: string, at: Instant): LiveScreen {
  const base = timeline.rooms.get(room);
  if (!base) throw new UnknownRoomError(room, [...timeline.rooms.keys()]);
  const r = roomLive(live, room);
  const index = effectiveIndex(base, r, at);
  let screen = resolveInIndex(index, timeline.zone, room, at);
  if (r.mode === 'manual' && r.manualItemId) screen = pinned(index, screen, r.manualItemId) ?? screen;
  const timed = timedItem(screen.current);
  const active = (m: Message | null) => (m && (m.until === null || m.until > at) ? m : null);
  return {
    ...screen,
    mode: r.mode,
    delayMinutes: Math.max(r.delay?.minutes ?? 0, Math.ceil((timerLateness(timeline, r, at) - 1000) / 60_000)),
    timer: timed
      ? timerView(timed, timeline.byId.get(timed.id)!, r.timer?.itemId === timed.id ? r.timer : null, at)
      : null,
    messages: { speaker: active(r.messages.speaker), public: active(r.messages.public) },
    blackout: r.blackout,
    day: dayOf(index, screen.current[0]?.day ?? screen.next?.day ?? null),
  };
}

function dayOf(index: RoomIndex, day: string | null): TimelineItem[] {
  return day === null ? [] : index.items.filter((i) => i.day === day);
}

/** The item the chair times among those on: a talk rather than the break beside it. */
export function timedItem(current: TimelineItem[]): TimelineItem | null {
  return current.find((i) => !isBreakKind(i.kind)) ?? current[0] ?? null;
}

/** When a timer reaches zero; `scheduled` is the item as the program has it (its length is the talk's length). */
export function timerEnd(timer: TimerState, scheduled: TimelineItem, at: Instant): Instant {
  const paused = timer.pausedAt === null ? 0 : at - timer.pausedAt;
  return timer.startedAt + (scheduled.end - scheduled.start) + timer.addedMs + timer.pausedMs + paused;
}

function timerView(item: TimelineItem, scheduled: TimelineItem, timer: TimerState | null, at: Instant): TimerView {
  const endsAt = timer ? timerEnd(timer, scheduled, at) : item.end;
  const remainingMs = endsAt - at;
  const { warningSeconds, dangerSeconds } = item.thresholds;
  const phase = timerPhase(remainingMs, warningSeconds, dangerSeconds);
  return {
    itemId: item.id,
    source: timer ? 'timer' : 'schedule',
    running: !timer || timer.pausedAt === null,
    startedAt: timer?.startedAt ?? item.start,
    endsAt,
    pausedAt: timer?.pausedAt ?? null,
    remainingMs,
    phase,
    warningSeconds,
    dangerSeconds,
  };
}

/** How much later than planned the timed item ends (0 when it ends early or does not move the day). */
function timerLateness(timeline: Timeline, r: RoomLive, at: Instant): number {
  const original = r.timer?.movesDay ? timeline.byId.get(r.timer.itemId) : undefined;
  return original ? Math.max(0, timerEnd(r.timer!, original, at) - original.end) : 0;
}

/**
 * The room's items with live times. AV's delay moves the rest of its day; a started timer moves its item to when
 * it really started, ends what came before it, and makes what follows on its day start no earlier than its end
 * (so the day runs as late as the timer says, to the second); in overtime the timed item stays on until the next
 * one starts. Item `start`/`end` of the result are effective times; the original ones stay in the timeline.
 */
export function effectiveIndex(base: RoomIndex, r: RoomLive, at: Instant): RoomIndex {
  const { delay, timer } = r;
  if (!delay && !timer) return base;
  const original = timer ? base.items.find((i) => i.id === timer.itemId) : undefined;
  const end = timer && original ? timerEnd(timer, original, at) : 0;
  const late = timer?.movesDay && original ? Math.max(0, end - original.end) : 0;
  const delayMs = delay ? delay.minutes * 60_000 : 0;
  let items = base.items.map((item) => {
    const byDelay = delay && item.day === delay.day && item.end > delay.from;
    const byTimer = late > 0 && original && item.day === original.day && item.start >= original.end;
    const shift = Math.max(byDelay && item.start >= delay.from ? delayMs : 0, byTimer ? late : 0);
    if (shift > 0) return { ...item, start: item.start + shift, end: item.end + shift };
    if (byDelay) return { ...item, end: item.end + delayMs }; // on when the delay was set: it ends late
    return item;
  });
  if (timer && original) {
    const position = items.findIndex((i) => i.id === timer.itemId);
    const following = items.find((i, k) => k !== position && i.start >= timer.startedAt && i.order > original.order);
    const overtimeUntil = following ? Math.max(end, following.start) : end;
    items = items.flatMap((item, i) => {
      if (i === position) return [{ ...item, start: timer.startedAt, end: at >= end ? overtimeUntil : end }];
      if (i < position && item.end > timer.startedAt) {
        // What was on before the timed item ends when it really started.
        return item.start < timer.startedAt ? [{ ...item, end: timer.startedAt }] : [];
      }
      return [item];
    });
  }
  // A delay can move a late item past the next day's first ones: the lookup needs start order.
  items.sort(byTime);
  return indexItems(items);
}

/** Manual mode: the pinned item alone is on; next and later follow it in program order. */
function pinned(index: RoomIndex, screen: Screen, itemId: string): Screen | null {
  const position = index.items.findIndex((i) => i.id === itemId);
  if (position < 0) return null;
  const item = index.items[position]!;
  const next = index.items.slice(position + 1).find((i) => i.start >= item.start && i.id !== item.id) ?? null;
  const later = next
    ? index.items.filter((i) => i.order > next.order && i.day === next.day && i.start >= next.start)
    : [];
  return { ...screen, phase: isBreakKind(item.kind) ? 'in-break' : 'in-session', current: [item], next, later };
}
