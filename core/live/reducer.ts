// Applies one operator action to the live state at an instant: pure, so every rule is a table-driven test away.
import { isBreakKind } from '../schedule/kinds.ts';
import type { Timeline, TimelineItem } from '../schedule/timeline.ts';
import { localTime, programDay, type Instant } from '../time.ts';
import { dict } from '../own.ts';
import { isProgramAction, type Action, type LiveAction } from './actions.ts';
import { isAway, resolveLive, roomLive, timedItem, timerEnd, type LiveScreen } from './live-screen.ts';
import { DEFAULT_HOLD_LIMIT_MINUTES, type LiveState, type RoomLive, type TimerState } from './state.ts';

/** An action that is well formed but does not apply now (pause a paused timer, go to an unknown item). HTTP 409. */
export class ActionRejected extends Error {}

export function reduce(
  timeline: Timeline,
  live: LiveState,
  action: Action,
  at: Instant,
  defaultRoom: string,
): LiveState {
  if (action.type === 'undo' || action.type === 'redo') {
    throw new ActionRejected(`${action.type} walks the show's history: dispatch it through applyAction`);
  }
  if (action.type === 'presets.set' || isProgramAction(action)) {
    throw new ActionRejected(`${action.type} edits the program, not the live state: dispatch it through the show`);
  }
  const room = action.room ?? defaultRoom;
  if (!timeline.rooms.has(room)) throw new ActionRejected(`unknown room "${room}"`);
  const before = roomLive(live, room);
  const after = reduceRoom({ timeline, live, room, r: before, at }, action);
  return { ...live, seq: live.seq + 1, rooms: dict([...Object.entries(live.rooms), [room, after]]) };
}

/** One room at the instant an action applies to it. */
interface RoomAt {
  timeline: Timeline;
  live: LiveState;
  room: string;
  /** The room's live state before the action. */
  r: RoomLive;
  at: Instant;
}

type ActionOf<T extends LiveAction['type']> = Extract<LiveAction, { type: T }>;

function reduceRoom(ctx: RoomAt, action: LiveAction): RoomLive {
  switch (action.type) {
    case 'timer.start':
      return startTimer(ctx);
    case 'timer.pause':
      return pauseTimer(ctx);
    case 'timer.resume':
      return resumeTimer(ctx);
    case 'timer.add':
      return addTime(ctx, action.seconds);
    case 'timer.reset':
      // Back to the schedule; the lateness this timer caused goes with it, a delay AV set stays.
      return { ...ctx.r, timer: null };
    case 'item.end':
      return endItem(ctx);
    case 'goto':
      return gotoItem(ctx, action.itemId);
    case 'follow':
      return followClock(ctx);
    case 'item.previous':
      return previousItem(ctx);
    case 'overtime.policy':
      return setOvertimePolicy(ctx, action);
    case 'delay.set':
      return setDelay(ctx, action.minutes);
    case 'message.set':
      return setMessage(ctx, action);
    case 'message.ack':
      return ackSpeakerMessage(ctx);
    case 'message.clear':
      return clearMessages(ctx, action.to);
    case 'blackout':
      return { ...ctx.r, blackout: action.on };
  }
}

// The timer of the item on now.

function startTimer(ctx: RoomAt): RoomLive {
  const { timeline, r, at } = ctx;
  const s = screen(ctx);
  const now = timedItem(s.current);
  if (now && r.timer?.itemId === now.id) {
    if (r.timer.pausedAt !== null) return { ...r, timer: resumed(r.timer, at) };
    throw new ActionRejected(`the timer of "${now.title}" is already running (reset it to start again)`);
  }
  const target = now && !isBreakKind(now.kind) ? now : (s.next ?? now);
  if (!target) throw new ActionRejected('nothing to start: the program is over in this room');
  const item = timeline.byId.get(target.id)!;
  // Another item than the one on now (`now` is the live screen's copy, never the timeline's object: compare ids).
  if (item.id !== now?.id) {
    // The chair's Start times a talk here: the dinner at a restaurant is not started from this room.
    const refusal = anotherDay(ctx, item, now) ?? (isAway(item) ? awayFromRoom(item) : null);
    if (refusal !== null) throw new ActionRejected(refusal);
  }
  return startNow(ctx, item, false);
}

/**
 * Why Start and Next do not start `item` now (null: they may). They move on to the next item now, never to one of
 * another day of the event: at the end of a day the room's
 * next item is tomorrow's, and started tonight the door would show it on now (a jump, `goto`, still puts it on). The
 * day is that of the item on now (`onNow`, up to the day its planned end falls on), else the clock's: a talk that
 * overran past midnight still moves on to its own day's closing, and not to tomorrow's first talk.
 */
function anotherDay(ctx: RoomAt, item: TimelineItem, onNow: TimelineItem | null): string | null {
  const { timeline, at } = ctx;
  const on = onNow ? timeline.byId.get(onNow.id) : undefined;
  const from = on ? on.day : programDay(at, timeline.zone, timeline.dayChange);
  const to = on ? programDay(on.plannedEnd - 1, timeline.zone, timeline.dayChange) : from;
  if (item.day >= from && item.day <= to) return null;
  const when = `${item.day} at ${localTime(item.plannedStart, timeline.zone)}`;
  return `the next item, “${item.title}”, is on another day (${when}): it is not started now`;
}

/** A booking away from the room (the dinner at a restaurant) keeps its time: no Start or Next begins it here. */
function awayFromRoom(item: TimelineItem): string {
  return `the next item, “${item.title}”, is away from this room (${item.location!.name}): nothing to time here`;
}

function pauseTimer(ctx: RoomAt): RoomLive {
  const { timer } = currentTimer(ctx);
  if (timer.pausedAt !== null) throw new ActionRejected('the timer is already paused');
  return { ...ctx.r, timer: { ...timer, pausedAt: ctx.at } };
}

function resumeTimer(ctx: RoomAt): RoomLive {
  const { timer } = currentTimer(ctx);
  if (timer.pausedAt === null) throw new ActionRejected('the timer is not paused');
  return { ...ctx.r, timer: resumed(timer, ctx.at) };
}

function addTime(ctx: RoomAt, seconds: number): RoomLive {
  const { at } = ctx;
  const { timer, item } = currentTimer(ctx);
  const added = { ...timer, addedMs: timer.addedMs + seconds * 1000 };
  // Removing more time than is left ends the countdown now, not in the past.
  const overshoot = at - timerEnd(added, item, at);
  if (overshoot > 0 && seconds < 0) added.addedMs += Math.min(overshoot, -seconds * 1000);
  return { ...ctx.r, timer: added };
}

function resumed(timer: TimerState, at: Instant): TimerState {
  return { ...timer, pausedAt: null, pausedMs: timer.pausedMs + (at - (timer.pausedAt ?? at)) };
}

// Moving from item to item.

/**
 * Next: the next item starts now. When nothing can start now after the item on stage (the event's end, tomorrow's
 * first item, a booking away from the room such as the dinner at 19:00), the item on stage ends now and nothing
 * starts: the chair can end the day's last talk. With nothing on stage either, it is refused, saying why.
 */
function endItem(ctx: RoomAt): RoomLive {
  const { item, onNow, refusal } = nextMove(ctx);
  if (item) return startNow(ctx, item, ctx.r.mode === 'manual');
  if (onNow) return endNow(ctx);
  throw new ActionRejected(refusal);
}

/** What Next does: starts `item`; else ends `onNow`; else is refused (`refusal` says why). */
interface NextMove {
  item: TimelineItem | null;
  onNow: TimelineItem | null;
  refusal: string;
}

function nextMove(ctx: RoomAt): NextMove {
  const s = screen(ctx);
  const onNow = timedItem(s.current);
  const item = s.next ? ctx.timeline.byId.get(s.next.id)! : null;
  // With nothing after it, the item on stage ends (endItem): the refusal is for an empty stage.
  if (!item) {
    return {
      item: null,
      onNow,
      refusal: 'nothing is on stage in this room and nothing comes after: nothing to end or start',
    };
  }
  const refusal = anotherDay(ctx, item, onNow) ?? (isAway(item) ? awayFromRoom(item) : null);
  return refusal === null ? { item, onNow, refusal: '' } : { item: null, onNow, refusal };
}

/** The label of Next for undo: "Next: <title>", or "End <title>" when it ends the day's last talk. */
export function nextLabel(timeline: Timeline, live: LiveState, room: string, at: Instant): string {
  const move = nextMove({ timeline, live, room, r: roomLive(live, room), at });
  if (move.item) return `Next: ${move.item.title}`;
  return move.onNow ? `End ${move.onNow.title}` : 'Next item';
}

/** The item on stage ends now; nothing starts. ← (item.previous) gives it back as it was. */
function endNow(ctx: RoomAt): RoomLive {
  const timer = onStage(ctx)!;
  return {
    ...ctx.r,
    previous: timer,
    mode: 'follow',
    manualItemId: null,
    timer: { ...timer, endedAt: ctx.at },
  };
}

function gotoItem(ctx: RoomAt, itemId: string): RoomLive {
  const { timeline, room } = ctx;
  const item = timeline.byId.get(itemId);
  const inRoom = timeline.rooms.get(room)!.items.some((i) => i.id === itemId);
  if (!item || !inRoom) throw new ActionRejected(`unknown item "${itemId}" in room ${room}`);
  return startNow(ctx, item, true);
}

function followClock(ctx: RoomAt): RoomLive {
  const { r } = ctx;
  // Back to the clock: the jump's timer goes too, or it would keep its item on and hide the day around it;
  // so does the timer of an item held in overtime (the clock would have moved on). A running timer stays, and so
  // does an item a person ended (Next on the day's last talk): the clock would put it back on until its planned end.
  const s = screen(ctx);
  const ended = r.timer?.endedAt != null;
  const release =
    r.mode === 'manual' || s.stage.held || (r.timer !== null && !ended && s.stage.itemId !== r.timer.itemId);
  return { ...r, mode: 'follow', manualItemId: null, timer: release ? null : r.timer };
}

function previousItem(ctx: RoomAt): RoomLive {
  const { timeline, room, r, at } = ctx;
  const s = screen(ctx);
  const index = timeline.rooms.get(room)!;
  const onNow = timedItem(s.current);
  // The item before the one on stage (before the next one when nothing is on), in this room.
  const ref = onNow ?? s.next;
  const before = index.items.filter(
    (i) => !isAway(i) && i.id !== ref?.id && (ref ? i.order < ref.order : i.plannedStart <= at),
  );
  const target = before.at(-1);
  if (!target) throw new ActionRejected('nothing comes before the current item in this room');
  const original = timeline.byId.get(target.id)!;
  // The time it really has left on the clock: its timer as it was when a person moved on from it, else its
  // place in the program, never a fresh start.
  const kept = r.previous?.itemId === target.id ? r.previous : null;
  const timer: TimerState = kept ?? {
    itemId: target.id,
    startedAt: original.plannedStart,
    pausedAt: null,
    pausedMs: 0,
    addedMs: 0,
    movesDay: r.mode === 'follow',
  };
  const manual = r.mode === 'manual';
  return {
    ...r,
    previous: onStage(ctx),
    manualItemId: manual ? target.id : null,
    timer: { ...timer, movesDay: !manual },
  };
}

// The room's settings and messages.

function setOvertimePolicy(ctx: RoomAt, action: ActionOf<'overtime.policy'>): RoomLive {
  const { r } = ctx;
  return {
    ...r,
    overtime: {
      policy: action.policy,
      limitMinutes: action.limitMinutes ?? r.overtime?.limitMinutes ?? DEFAULT_HOLD_LIMIT_MINUTES,
    },
  };
}

function setDelay(ctx: RoomAt, minutes: number): RoomLive {
  const { timeline, r, at } = ctx;
  if (minutes === 0) return { ...r, delay: null };
  const day = programDay(at, timeline.zone, timeline.dayChange);
  // Changing a delay keeps where it began, so items already running late stay late.
  const from = r.delay && r.delay.day === day ? Math.min(r.delay.from, at) : at;
  return { ...r, delay: { minutes, from, day } };
}

function setMessage(ctx: RoomAt, action: ActionOf<'message.set'>): RoomLive {
  const { r, at } = ctx;
  const until = action.until === undefined ? null : Date.parse(action.until);
  if (until !== null && until <= at) throw new ActionRejected('message "until" is already past');
  return {
    ...r,
    messages: { ...r.messages, [action.to]: { text: action.text, setAt: at, until, ackedAt: null } },
  };
}

function ackSpeakerMessage(ctx: RoomAt): RoomLive {
  const { r, at } = ctx;
  const m = r.messages.speaker;
  if (!m || (m.until !== null && m.until <= at)) throw new ActionRejected('there is no message to the speaker');
  if (m.ackedAt !== null) throw new ActionRejected('the message to the speaker was already acknowledged');
  return { ...r, messages: { ...r.messages, speaker: { ...m, ackedAt: at } } };
}

function clearMessages(ctx: RoomAt, to: ActionOf<'message.clear'>['to']): RoomLive {
  const { r } = ctx;
  return {
    ...r,
    messages: to ? { ...r.messages, [to]: null } : { speaker: null, public: null },
  };
}

// What the room's screens show, and the timers a person's move starts or leaves behind.

function screen(ctx: RoomAt): LiveScreen {
  return resolveLive(ctx.timeline, ctx.live, ctx.room, ctx.at);
}

/** The timer of the item on now, made explicit from the schedule if nobody touched it yet. */
function currentTimer(ctx: RoomAt): { timer: TimerState; item: TimelineItem } {
  const { timeline, r } = ctx;
  const s = screen(ctx);
  const item = timedItem(s.current);
  if (!item) throw new ActionRejected('no item is on now in this room: nothing to time');
  const original = timeline.byId.get(item.id)!;
  if (r.timer?.itemId === item.id) return { timer: r.timer, item: original };
  return {
    timer: {
      itemId: item.id,
      startedAt: item.start,
      pausedAt: null,
      pausedMs: 0,
      addedMs: 0,
      movesDay: r.mode === 'follow',
    },
    item: original,
  };
}

/** `item` really starts now. Following the clock, a late start makes the rest of the day run late; a jump
 * (manual mode) may go back or far ahead, which says nothing about the rest of the day. */
function startNow(ctx: RoomAt, item: TimelineItem, manual: boolean): RoomLive {
  const { r, at } = ctx;
  const pinned = manual || r.mode === 'manual';
  return {
    ...r,
    previous: onStage(ctx),
    mode: pinned ? 'manual' : 'follow',
    manualItemId: pinned ? item.id : null,
    timer: { itemId: item.id, startedAt: at, pausedAt: null, pausedMs: 0, addedMs: 0, movesDay: !pinned },
  };
}

/** The timer of the item on stage, as it stands (made explicit if nobody touched it), before a person moves on. */
function onStage(ctx: RoomAt): TimerState | null {
  const { timeline, r } = ctx;
  const s = screen(ctx);
  const item = timedItem(s.current);
  if (!item) return r.previous;
  if (r.timer?.itemId === item.id) return r.timer;
  const end = s.timer?.endsAt ?? item.end;
  const original = timeline.byId.get(item.id)!;
  // Its end as every screen shows it now (delay included), as an explicit timer.
  return {
    itemId: item.id,
    startedAt: item.start,
    pausedAt: null,
    pausedMs: 0,
    addedMs: end - item.start - (original.plannedEnd - original.plannedStart),
    movesDay: r.mode === 'follow',
  };
}
