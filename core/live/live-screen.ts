// What a room shows at an instant once the live adjustments apply: delay, a really-started timer, AV's manual pick.
import { isBreakKind } from '../schedule/kinds.ts';
import { resolveInIndex, type Screen, UnknownRoomError } from '../schedule/resolve.ts';
import { byTime, indexItems, type RoomIndex, type Timeline, type TimelineItem } from '../schedule/timeline.ts';
import { nextDayChange, programDay, type Instant } from '../time.ts';
import { dict, own } from '../own.ts';
import {
  DEFAULT_OVERTIME,
  emptyRoom,
  overtimePolicy,
  type LiveState,
  type Message,
  type OvertimePolicy,
  type RoomLive,
  type TimerState,
} from './state.ts';

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

/** The one answer to "what is on stage in this room", which every screen uses. */
export interface StageView {
  /** The item the chair times; null when nothing is on, or only an item away from the room (the dinner). */
  itemId: string | null;
  /** A person touched its timer (start, pause, resume, add, jump, next, previous). */
  touched: boolean;
  startedAt: Instant | null;
  /** When its time is up (the countdown's zero), all lateness included. */
  endsAt: Instant | null;
  /** At `at`, its time is up and it is still on stage. */
  overtime: boolean;
  /** On stage past its time only because a person touched it (the overtime policy); the clock would move on. */
  held: boolean;
  /** When a held room goes back to the clock by itself; null when not held or with no limit. */
  holdUntil: Instant | null;
  /** Something is on, but only away from the room (a location): no countdown here. */
  away: boolean;
}

export interface NextStartView {
  /** NEXT's projected start (its live `start`). */
  at: Instant;
  /** NEXT starts when the held item on stage ends ("after this talk"): `at` moves with the clock. */
  afterCurrent: boolean;
  plannedAt: Instant;
  day: string;
}

export const LATE_CAUSES = ['delay', 'start', 'pause', 'added', 'overtime'] as const;
export type LateCause = (typeof LATE_CAUSES)[number];

export interface LateView {
  /** How much later than planned NEXT (and the rest of its day) starts. */
  ms: number;
  /** `ms` as the screens say it: the whole minutes NEXT's shown time moved (publicLateMinutes). */
  minutes: number;
  /** The lateness grows with the clock from `ms` at `at` (an item held in overtime, a paused timer). */
  growing: boolean;
  /** The biggest contributor; null when on time. */
  cause: LateCause | null;
  /**
   * The only lateness is time a person gave the talk on purpose (+5 min on an on-time talk): the public screens show
   * the moved times but do not announce "running late". False as soon as anything else (AV's delay, a late start, a
   * pause, overtime) adds a minute or more to it.
   */
  onPurpose: boolean;
  /** AV's own "running N min late" in force for what is on and next here (0: none): what "Clear the delay" clears. */
  declaredMinutes: number;
  /** How late NEXT would start if AV's delay were cleared (the timers' own lateness): equals `ms` with none. */
  withoutDeclaredMs: number;
}

export interface StartNowView {
  itemId: string;
  title: string;
  /** The item is already on: starting it now restarts it with its full length. */
  restarts: boolean;
  /** The countdown it would start from. */
  fromMs: number;
}

export interface LiveScreen extends Screen {
  mode: RoomLive['mode'];
  /** `late.minutes`, kept for the views that read it. */
  delayMinutes: number;
  /** The item the chair timer counts for, null when nothing is on. */
  timer: TimerView | null;
  messages: { speaker: Message | null; public: Message | null };
  blackout: boolean;
  /** The whole day of the item on now (else of the next one) in this room, with live times, for the control view. */
  day: TimelineItem[];
  /** The room's day of the event at `at` (its date in the program's zone, counted from the day change). */
  today: string;
  /** When `today` ends (the next day change): what the screens call today, tomorrow and between days moves then. */
  todayEnds: Instant;
  /** The whole event in this room, every day, with live times. */
  days: { date: string; items: TimelineItem[] }[];
  stage: StageView;
  nextStart: NextStartView | null;
  /** The next item that happens in this room (not away): what the chair may count down to. */
  nextInRoom: TimelineItem | null;
  late: LateView;
  /** What `timer.start` would do now; null when it would be refused. */
  startNow: StartNowView | null;
  overtimePolicy: OvertimePolicy;
}

export function roomLive(live: LiveState, room: string): RoomLive {
  return own(live.rooms, room) ?? emptyRoom();
}

/**
 * Lateness as the screens say it: the whole minutes by which NEXT's shown time (a clock reads 10:12 until 10:13)
 * moved from its planned one, so that "Running 2 min late" stands beside "NEXT 10:12, planned 10:10". Under a minute
 * is on time; 2 min 59 s is "2 min".
 */
export function publicLateMinutes(ms: number): number {
  return ms < 60_000 ? 0 : Math.floor(ms / 60_000);
}

export const isAway = (item: TimelineItem) => item.location !== null;

/**
 * What a room shows at `at`, the last few answers kept: a program's timeline and a live state are never changed once
 * made (an action makes a new live state), so the same four arguments give the same screen. An action asks for its
 * room before it applies three times at the same instant (the clock's stages for the log, the log's "before", the undo
 * step's label): worked out once. Callers treat the screen as read-only, as they do the show's own copy.
 */
export function resolveLive(timeline: Timeline, live: LiveState, room: string, at: Instant): LiveScreen {
  for (const kept of resolvedLately) {
    if (kept.at === at && kept.live === live && kept.timeline === timeline && kept.room === room) return kept.screen;
  }
  const screen = resolveAnew(timeline, live, room, at);
  resolvedLately.unshift({ timeline, live, room, at, screen });
  if (resolvedLately.length > RESOLVED_KEPT) resolvedLately.pop();
  return screen;
}

/** A few: an action and its push ask for up to two rooms' screens at two instants (ten rooms' pushes go through it). */
const RESOLVED_KEPT = 4;
const resolvedLately: { timeline: Timeline; live: LiveState; room: string; at: Instant; screen: LiveScreen }[] = [];

function resolveAnew(timeline: Timeline, live: LiveState, room: string, at: Instant): LiveScreen {
  const base = timeline.rooms.get(room);
  if (!base) throw new UnknownRoomError(room, [...timeline.rooms.keys()]);
  const r = roomLive(live, room);
  const policy = overtimePolicy(live, r);
  const { index, timing } = liveIndex(base, r, at, policy);
  let screen = resolveInIndex(index, timeline, room, at);
  if (r.mode === 'manual' && r.manualItemId) {
    const ownEnd = timing?.itemId === r.manualItemId ? timing.stageEnd : null;
    screen = pinned(index, screen, r.manualItemId, ownEnd, at) ?? screen;
  }
  const timed = timedItem(screen.current);
  const own = timed !== null && timing !== null && timing.itemId === timed.id ? timing : null;
  const timer = timed ? timerView(timed, own ? own.timeUp : timed.end, own ? r.timer : null, at) : null;
  const active = (m: Message | null) => (m && (m.until === null || m.until > at) ? m : null);
  const next = screen.next;
  const pinnedHere = r.mode === 'manual' && timed !== null && timed.id === r.manualItemId;
  const stage: StageView = {
    itemId: timed?.id ?? null,
    touched: own !== null,
    startedAt: timer?.startedAt ?? null,
    endsAt: timer?.endsAt ?? null,
    overtime: timer !== null && at >= timer.endsAt,
    // AV's pin holds its item on stage past its time too.
    held: (own?.held ?? false) || (pinnedHere && timer !== null && at >= timer.endsAt),
    holdUntil: own?.held && Number.isFinite(own.holdUntil) ? own.holdUntil : null,
    // Only items away from the room are on (a cancelled item beside them is not someone on stage either).
    away: timed === null && screen.current.some(isAway),
  };
  const nextStart: NextStartView | null = next
    ? {
        at: next.start,
        afterCurrent: stage.held && next.start <= (own ? own.stageEnd : heldEnd(at)),
        plannedAt: next.plannedStart,
        day: next.day,
      }
    : null;
  const timersLate = lateness(r, timing, own, next, at);
  const late: LateView = { ...timersLate, ...declared(timeline, live, r, room, screen, at, timersLate.ms) };
  const today = programDay(at, timeline.zone, timeline.dayChange);
  return {
    ...screen,
    mode: r.mode,
    delayMinutes: late.minutes,
    timer,
    messages: { speaker: active(r.messages.speaker), public: active(r.messages.public) },
    blackout: r.blackout,
    day: dayOf(index, screen.current[0]?.day ?? screen.next?.day ?? null),
    today,
    todayEnds: nextDayChange(at, timeline.zone, timeline.dayChange),
    days: daysOf(index),
    stage,
    nextStart,
    nextInRoom: nextInRoom(index, screen, at),
    late,
    startNow: startNowPreview(timeline, r, screen, timed, at),
    overtimePolicy: policy,
  };
}

/**
 * AV's delay as the console tells it apart: its minutes while it applies to what is on or next in the room, and how
 * late NEXT would be without it (the same room resolved with no delay; `ms`, the whole lateness, when none applies).
 */
function declared(
  timeline: Timeline,
  live: LiveState,
  r: RoomLive,
  room: string,
  screen: Screen,
  at: Instant,
  ms: number,
): Pick<LateView, 'declaredMinutes' | 'withoutDeclaredMs'> {
  const delay = r.delay;
  const applies =
    delay !== null &&
    delay.minutes > 0 &&
    (screen.current.some((i) => i.day === delay.day) || screen.next?.day === delay.day);
  if (!applies) return { declaredMinutes: 0, withoutDeclaredMs: ms };
  const rooms = dict([...Object.entries(live.rooms), [room, { ...r, delay: null }] as const]);
  const without: LiveState = { ...live, rooms };
  return { declaredMinutes: delay.minutes, withoutDeclaredMs: resolveLive(timeline, without, room, at).late.ms };
}

function dayOf(index: RoomIndex, day: string | null): TimelineItem[] {
  return day === null ? [] : index.items.filter((i) => i.day === day);
}

function daysOf(index: RoomIndex): { date: string; items: TimelineItem[] }[] {
  const days: { date: string; items: TimelineItem[] }[] = [];
  for (const item of index.items) {
    const last = days.at(-1);
    if (last && last.date === item.day) last.items.push(item);
    else {
      const same = days.find((d) => d.date === item.day); // a delay can move an item past the next day's first
      if (same) same.items.push(item);
      else days.push({ date: item.day, items: [item] });
    }
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The next item that happens in this room: not away (the dinner), not cancelled. */
function nextInRoom(index: RoomIndex, screen: Screen, at: Instant): TimelineItem | null {
  const happens = (i: TimelineItem) => !isAway(i) && !i.cancelled;
  if (screen.next && happens(screen.next)) return screen.next;
  const from = screen.next?.start ?? at;
  return index.items.find((i) => i.start > from && happens(i) && !screen.current.includes(i)) ?? null;
}

/**
 * The item the chair times among those on: a talk rather than the break beside it; never an item away, never a
 * cancelled one (the door shows it struck; nobody is on stage for it).
 */
export function timedItem(current: TimelineItem[]): TimelineItem | null {
  const here = current.filter((i) => !isAway(i) && !i.cancelled);
  return here.find((i) => !isBreakKind(i.kind)) ?? here[0] ?? null;
}

/** When a timer reaches zero; `scheduled` is the item as the program has it (its length is the talk's length). */
export function timerEnd(timer: TimerState, scheduled: TimelineItem, at: Instant): Instant {
  const paused = timer.pausedAt === null ? 0 : at - timer.pausedAt;
  return timer.startedAt + (scheduled.plannedEnd - scheduled.plannedStart) + timer.addedMs + timer.pausedMs + paused;
}

function timerView(item: TimelineItem, endsAt: Instant, timer: TimerState | null, at: Instant): TimerView {
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

/** How the room's explicit timer places its item, computed with the room's live times. */
interface Timing {
  itemId: string;
  /** The planned item. */
  original: TimelineItem;
  /** When its time is up: the timer's end, or later when AV's delay moved the item's end further. */
  timeUp: Instant;
  held: boolean;
  holdUntil: Instant;
  /** When it leaves the stage as far as anyone can say now (just after `at` while held). */
  stageEnd: Instant;
}

/** The end of an item held on stage: the next whole second after `at`, so that what follows is not on yet. */
const heldEnd = (at: Instant) => Math.floor(at / 1000) * 1000 + 1000;

/**
 * The room's items with live times (for the fuzz tests and tools; resolveLive uses liveIndex). See liveIndex.
 */
export function effectiveIndex(base: RoomIndex, r: RoomLive, at: Instant, policy?: OvertimePolicy): RoomIndex {
  return liveIndex(base, r, at, policy ?? r.overtime ?? DEFAULT_OVERTIME).index;
}

/**
 * The room's items with live times. AV's delay moves the rest of its day (the item on when it was set ends that
 * much later), but not a booking away from the room. A timer a person touched moves its item to when it really
 * started, ends what came before it, and makes what follows start no earlier than its end, to the second, less any
 * planned free time between them (waitForPredecessors). When its time is up, the overtime
 * policy decides: held, it stays on stage and what follows waits for it; not held (policy "clock", or past the
 * hold limit), it stays until the next item starts. `start`/`end` of the result are live times; `plannedStart`/
 * `plannedEnd` keep the program's.
 */
export function liveIndex(
  base: RoomIndex,
  r: RoomLive,
  at: Instant,
  policy: OvertimePolicy,
): { index: RoomIndex; timing: Timing | null } {
  const timer = liveTimer(base, r);
  if (!r.delay && !timer) return { index: base, timing: null };
  const delayed = delayedBy(r.delay);
  let items = base.items.map(delayed);
  const position = timer ? base.items.findIndex((i) => i.id === timer.itemId) : -1;
  let timing: Timing | null = null;
  if (timer && position >= 0) {
    const stage = timedStage(base, items[position]!, position, timer, delayed, r.mode === 'manual', policy, at);
    timing = stage.timing;
    items = aroundTimedItem(items, base, position, timer, stage, at);
  }
  items = waitForPredecessors(items, timer?.itemId ?? null);
  // A delay can move a late item past the next day's first ones: the lookup needs start order.
  items.sort(byTime);
  return { index: indexItems(items), timing };
}

/**
 * The room's timer, unless its item was cancelled since: nobody is on stage for it, and the day does not run late
 * because of it (its times are the program's again; undo of the cancellation gives the timer back).
 */
function liveTimer(base: RoomIndex, r: RoomLive): TimerState | null {
  return r.timer && base.items.find((i) => i.id === r.timer!.itemId)?.cancelled ? null : r.timer;
}

/**
 * AV's delay applied to an item: the rest of its day starts that much later; the item on when it was set ends that
 * much later. A booking away from the room (the dinner at a restaurant) keeps its time however late the room runs.
 */
function delayedBy(delay: RoomLive['delay']): (item: TimelineItem) => TimelineItem {
  if (!delay) return (item) => item;
  const delayMs = delay.minutes * 60_000;
  return (item) => {
    if (item.day !== delay.day || item.end <= delay.from || isAway(item)) return item;
    if (item.start >= delay.from) return { ...item, start: item.start + delayMs, end: item.end + delayMs };
    return { ...item, end: item.end + delayMs }; // on when the delay was set: it ends late
  };
}

/** The timed item on stage: its timing, the items in its very slot, and when what follows it today starts. */
interface TimedStage {
  timing: Timing;
  /** An item the program puts in the very same slot (a talk and its introduction): on stage with it. */
  twin: (item: TimelineItem) => boolean;
  /**
   * Until when, run out and not held, it stays on: the next item of its day's (delayed) start, as the clock has it
   * (no gap nobody planned), but not into free time the program planned after it (nor until the dinner away at
   * 19:00): no later than its own (delayed) planned end. Infinity when nothing follows today.
   */
  followingStart: Instant;
}

/**
 * When the timed item's time is up and whether it is held on stage. `moved` is the item with AV's delay applied:
 * "running N min late" gives the item on its N minutes too (one lateness, not two); one ended by a person (the
 * day's last talk) is over at that instant, whatever its countdown said. Held, it stays on stage until the hold
 * limit after the next item of its day was due (for ever in manual mode or with policy "always").
 */
function timedStage(
  base: RoomIndex,
  moved: TimelineItem,
  position: number,
  timer: TimerState,
  delayed: (item: TimelineItem) => TimelineItem,
  manual: boolean,
  policy: OvertimePolicy,
  at: Instant,
): TimedStage {
  const original = base.items[position]!;
  const ownEnd = timerEnd(timer, original, at);
  const byDelay = moved.end - original.plannedEnd;
  const ended = timer.endedAt ?? null;
  const timeUp = ended ?? (timer.movesDay && byDelay > 0 ? Math.max(ownEnd, moved.end) : ownEnd);
  // Items in the very same slot start, run over and end with it, and never take the stage from it (nor count as
  // what follows it).
  const twin = (item: TimelineItem) =>
    item.id !== original.id &&
    !isAway(item) &&
    item.plannedStart === original.plannedStart &&
    item.plannedEnd === original.plannedEnd;
  const following = base.items
    .slice(position + 1)
    .find((i) => i.start >= original.start && i.id !== original.id && !twin(i));
  const sameDayNext = following && following.day === original.day ? delayed(following) : undefined;
  const holdUntil =
    manual || policy.policy === 'always'
      ? Infinity
      : (sameDayNext ? Math.max(sameDayNext.start, timeUp) : timeUp) + policy.limitMinutes * 60_000;
  const held = ended === null && at >= timeUp && (manual || (policy.policy !== 'clock' && at < holdUntil));
  const stageEnd = held ? heldEnd(at) : timeUp;
  return {
    timing: { itemId: original.id, original, timeUp, held, holdUntil, stageEnd },
    twin,
    followingStart: sameDayNext ? Math.min(sameDayNext.start, moved.end) : Infinity,
  };
}

/**
 * The room's items around the timed one: it (and its twins) run from when the timer started to its stage end (not
 * held, in overtime it stays until the next item starts, as the clock has it); what was on before it ends when it
 * really started. What follows is left for waitForPredecessors (its day, or the next day's first items past midnight).
 */
function aroundTimedItem(
  items: TimelineItem[],
  base: RoomIndex,
  position: number,
  timer: TimerState,
  stage: TimedStage,
  at: Instant,
): TimelineItem[] {
  const { timeUp, held, stageEnd } = stage.timing;
  const ended = timer.endedAt ?? null;
  return items.flatMap((item, i) => {
    if (i === position || stage.twin(base.items[i]!)) {
      const overtimeEnd = Number.isFinite(stage.followingStart) ? Math.max(timeUp, stage.followingStart) : timeUp;
      const end = ended ?? (held ? stageEnd : at >= timeUp ? overtimeEnd : timeUp);
      return [{ ...item, start: timer.startedAt, end }];
    }
    if (i < position && item.end > timer.startedAt) {
      return item.start < timer.startedAt ? [{ ...item, end: timer.startedAt }] : [];
    }
    return [item];
  });
}

/**
 * No item starts before an item the program ends before it has ended live (past midnight too): such an item moves
 * later by what it lacks, and only by that, so planned free time between two items absorbs lateness before it reaches
 * the second. This is how a timer's lateness reaches the rest of the day. `fixedId`, the item a timer says really
 * started, never moves, nor does a booking away from the room (the dinner at a restaurant keeps its time).
 */
function waitForPredecessors(items: TimelineItem[], fixedId: string | null): TimelineItem[] {
  const byPlannedStart = [...items].sort((a, b) => a.plannedStart - b.plannedStart || a.order - b.order);
  const byPlannedEnd = [...items].sort((a, b) => a.plannedEnd - b.plannedEnd || a.order - b.order);
  const live = new Map(items.map((i) => [i.id, i]));
  let k = 0;
  let bound = -Infinity;
  for (const item of byPlannedStart) {
    while (k < byPlannedEnd.length && byPlannedEnd[k]!.plannedEnd <= item.plannedStart) {
      const before = byPlannedEnd[k++]!;
      if (before.id !== item.id) bound = Math.max(bound, live.get(before.id)!.end);
    }
    const now = live.get(item.id)!;
    if (item.id !== fixedId && now.start < bound && !isAway(now)) {
      live.set(item.id, { ...now, start: bound, end: now.end + (bound - now.start) });
    }
  }
  return items.map((i) => live.get(i.id)!);
}

function lateness(
  r: RoomLive,
  timing: Timing | null,
  own: Timing | null,
  next: TimelineItem | null,
  at: Instant,
): Omit<LateView, 'declaredMinutes' | 'withoutDeclaredMs'> {
  if (r.mode === 'manual') {
    // A jump (back or far ahead) says nothing about the rest of the day: only AV's delay makes it late.
    const ms = r.delay && next && next.day === r.delay.day ? r.delay.minutes * 60_000 : 0;
    return { ms, minutes: publicLateMinutes(ms), growing: false, cause: ms > 0 ? 'delay' : null, onPurpose: false };
  }
  const ms = next ? Math.max(0, next.start - next.plannedStart) : 0;
  const timer = r.timer;
  const growing =
    ms > 0 &&
    ((own?.held ?? false) || (timing !== null && timer !== null && timer.pausedAt !== null && timer.movesDay));
  if (ms === 0) return { ms: 0, minutes: 0, growing: false, cause: null, onPurpose: false };
  const parts: [LateCause, number][] = [['delay', r.delay ? r.delay.minutes * 60_000 : 0]];
  if (timing && timer) {
    if (timer.movesDay) {
      parts.push(
        ['start', timer.startedAt - timing.original.plannedStart],
        ['pause', timer.pausedMs + (timer.pausedAt === null ? 0 : at - timer.pausedAt)],
        ['added', timer.addedMs],
        ['overtime', timing.held ? timing.stageEnd - timing.timeUp : 0],
      );
    }
  }
  const [cause] = parts.reduce((a, b) => (b[1] > a[1] ? b : a));
  // Time given on purpose, and nothing else a person would call late (a 1-second pause is on time).
  const onPurpose = parts.every(([what, by]) => (what === 'added' ? by > 0 : publicLateMinutes(by) === 0));
  return {
    ms,
    minutes: publicLateMinutes(ms),
    growing,
    cause: parts.some((p) => p[1] > 0) ? cause : null,
    onPurpose,
  };
}

/** What `timer.start` would do at `at` (the same choice as the reducer). */
function startNowPreview(
  timeline: Timeline,
  r: RoomLive,
  screen: Screen,
  now: TimelineItem | null,
  at: Instant,
): StartNowView | null {
  const length = (item: TimelineItem) => item.plannedEnd - item.plannedStart;
  if (now && r.timer?.itemId === now.id) {
    if (r.timer.pausedAt === null) return null; // refused: already running
    const original = timeline.byId.get(now.id)!;
    return { itemId: now.id, title: now.title, restarts: false, fromMs: timerEnd(r.timer, original, at) - at };
  }
  const target = now && !isBreakKind(now.kind) ? now : (screen.next ?? now);
  if (!target) return null;
  return { itemId: target.id, title: target.title, restarts: target === now && at > now.start, fromMs: length(target) };
}

/** Instants after `at` at which the room's screen changes by itself (an item starts or ends, a timer hits zero). */
export function screenChanges(s: LiveScreen, at: Instant): Instant[] {
  const out: (Instant | null | undefined)[] = [
    ...s.current.filter((i) => !(s.stage.held && i.id === s.stage.itemId)).map((i) => i.end),
    s.nextStart?.afterCurrent ? null : s.next?.start,
    s.timer?.running ? s.timer.endsAt : undefined,
    s.stage.holdUntil,
    // While a timer is paused or an item held, the rest of the day slides later: refresh each time NEXT's shown
    // time (and the lateness the screens count on) moves to the next minute.
    (s.timer && !s.timer.running) || s.stage.held ? at + untilNextMinute(s.next?.start ?? at) : undefined,
    s.messages.public?.until,
    s.messages.speaker?.until,
    // A new day of the event: "today" (the control's open day, a room done for today) is another one.
    s.todayEnds,
  ];
  return out.filter((i): i is Instant => typeof i === 'number' && i > at);
}

/** How long until an instant that moves with the clock reaches its next whole minute (a minute when on one). */
const untilNextMinute = (moving: Instant) => 60_000 - (((moving % 60_000) + 60_000) % 60_000);

/**
 * Manual mode: the pinned item alone is on; next and later follow it in program order, never before it ends
 * (`stageEnd`: a jump back to an earlier talk moves what follows it).
 */
function pinned(
  index: RoomIndex,
  screen: Screen,
  itemId: string,
  stageEnd: Instant | null,
  at: Instant,
): Screen | null {
  const position = index.items.findIndex((i) => i.id === itemId);
  if (position < 0) return null;
  const item = index.items[position]!;
  let next = index.items.slice(position + 1).find((i) => i.start >= item.start && i.id !== item.id) ?? null;
  let later = next
    ? index.items.filter((i) => i.order > next!.order && i.day === next!.day && i.start >= next!.start)
    : [];
  // Past its time, the pinned item stays on until a person moves on: what follows waits.
  const end = stageEnd ?? (item.end > at ? item.end : heldEnd(at));
  // Unless the program itself overlaps them, what follows waits for the pinned item's end.
  if (next && next.start < end && next.plannedStart >= item.plannedEnd) {
    const by = end - next.start;
    const move = (i: TimelineItem) => ({ ...i, start: i.start + by, end: i.end + by });
    next = move(next);
    later = later.map(move);
  }
  return { ...screen, phase: isBreakKind(item.kind) ? 'in-break' : 'in-session', current: [item], next, later };
}
