// What the chair screen says, from the state and the show clock: the countdown, its colour, the lines around it.
import type { StateJson } from '../../../core/contract/state.ts';
import { timerPhase, type TimerPhase } from '../../../core/live/timer-phase.ts';
import type { CurrentItemJson, ItemJson } from '../../../core/schedule/screen-json.ts';
import type { Lang } from '../../../core/schedule/kinds.ts';
import { clockTime, countdown } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { dayChangeOf, eventDay } from '../../lib/days.ts';
import { afterCurrent, announcedLate, nextInRoom } from '../../lib/stage.ts';
import { breakOnStage, dayHeading, dayWord } from '../signage/text.ts';
import { chairWords } from './words.ts';

/**
 * `idle`: no timer (nothing on); the digits count down to the next item instead, in a neutral colour.
 * `later`: the next item is on another day: its time, with the day under it, never an hours-long countdown.
 */
export type CountdownPhase = TimerPhase | 'idle' | 'later';

export interface CountdownDisplay {
  text: string;
  /** The text's shape with every digit a 0 and at least two minute digits: the size is fitted to it, not to the digits. */
  template: string;
  phase: CountdownPhase;
  /** Under the digits: "Paused", "Overtime", "until the next item", or nothing. */
  label: string | null;
  paused: boolean;
}

/** Milliseconds left on the chair timer at `showNow`: counted from its end while running, frozen while paused. */
export function remainingMs(timer: NonNullable<StateJson['timer']>, showNow: number): number {
  return timer.running ? timer.endsAtMs - showNow : timer.remainingSeconds * 1000;
}

/** "24:59" → "00:00", "9:59" → "00:00", "+0:05" → "+00:00", "1:02:05" → "0:00:00". */
export function sizingTemplate(text: string): string {
  const zeros = text.replace(/\d/g, '0');
  return /^\+?0:00$/.test(zeros) ? zeros.replace('0:', '00:') : zeros;
}

export function phaseClass(phase: CountdownPhase): string {
  return `phase-${phase}`;
}

/** An item away from this room (the dinner at a restaurant) on now: the chair has nothing to time. */
export function awayItem(state: StateJson): CurrentItemJson | null {
  // The server gives no timer for an item away (stage.away): the item is the one on with a location.
  if (state.stage.away) return state.current.find((i) => i.location) ?? null;
  const item = timedItem(state);
  return item?.location && !state.current.some((i) => !i.location) ? item : null;
}

/**
 * The item the digits count down to when nothing is on: the room's next, never one away from it, nor a cancelled
 * one when something after it today happens (then that).
 */
function ahead(state: StateJson): ItemJson | null {
  const first = nextInRoom(state) ?? state.next;
  if (!first?.cancelled) return first;
  const from = Date.parse(first.start);
  return (
    [state.next, ...state.later].find(
      (i): i is ItemJson => i !== null && !i.location && !i.cancelled && Date.parse(i.start) >= from,
    ) ?? first
  );
}

export function countdownDisplay(state: StateJson, showNow: number, lang: Lang): CountdownDisplay | null {
  const words = t(lang);
  // An item away from the room is never counted down here: the chair looks ahead to the room's next item.
  const timer = awayItem(state) ? null : state.timer;
  if (timer) {
    const ms = remainingMs(timer, showNow);
    const phase = timerPhase(ms, timer.warningSeconds, timer.dangerSeconds);
    const text = countdown(ms);
    const label = !timer.running ? words.paused : phase === 'overtime' ? words.overtime : null;
    return { text, template: sizingTemplate(text), phase, label, paused: !timer.running };
  }
  const target = ahead(state);
  if (!target) return null;
  const start = Date.parse(target.start);
  if (target.location) {
    // Only something away from the room is left (the dinner): where and when, no countdown.
    const text = clockTime(start, state.timezone);
    return { text, template: sizingTemplate(text), phase: 'later', label: target.location.name, paused: false };
  }
  const dayChange = dayChangeOf(state.dayChange);
  if (eventDay(start, state.timezone, dayChange) !== eventDay(showNow, state.timezone, dayChange)) {
    const text = clockTime(start, state.timezone);
    const day = dayHeading(start, showNow, state.timezone, lang, dayChange);
    return { text, template: sizingTemplate(text), phase: 'later', label: day, paused: false };
  }
  const text = countdown(Math.max(1000, start - showNow));
  return { text, template: sizingTemplate(text), phase: 'idle', label: chairWords(lang).untilNext, paused: false };
}

/**
 * The item the timer counts for (a talk rather than the break beside it), else the first item on that happens (not
 * a cancelled one beside it), else the first item on.
 */
export function timedItem(state: StateJson): CurrentItemJson | null {
  return (
    state.current.find((item) => item.id === state.timer?.itemId) ??
    state.current.find((item) => !item.cancelled) ??
    state.current[0] ??
    null
  );
}

/** The chair note of the item on stage (else of the item the header names): for the chair, never the speaker's cue. */
export function stageNote(state: StateJson): { itemId: string; text: string } | null {
  const id = state.stage.itemId ?? timedItem(state)?.id ?? null;
  const note = id === null ? null : state.notes?.find((n) => n.itemId === id)?.chair;
  return id !== null && note ? { itemId: id, text: note } : null;
}

export function speakerNames(item: ItemJson): string {
  return item.speakers.map((p) => p.name).join(', ');
}

export interface NextLine {
  id: string;
  title: string;
  /** "10:10", or "Tomorrow 08:30" when it is not today. */
  time: string;
  /** It will not happen: shown struck, "Cancelled". */
  cancelled: boolean;
}

export function nextLine(state: StateJson, showNow: number, lang: Lang): NextLine | null {
  const next = state.next;
  if (!next) return null;
  const plannedAfter = afterCurrent(state);
  if (plannedAfter !== null) {
    // It waits for the item held on stage: "after the break" when that is a break or a meal, as the door's NEXT says.
    const w = chairWords(lang);
    const time = (breakOnStage(state) ? w.afterTheBreak : w.afterThisTalk)(clockTime(plannedAfter, state.timezone));
    return { id: next.id, title: next.title, time, cancelled: next.cancelled !== null };
  }
  const start = Date.parse(next.start);
  const time = clockTime(start, state.timezone);
  const dayChange = dayChangeOf(state.dayChange);
  const sameDay = eventDay(start, state.timezone, dayChange) === eventDay(showNow, state.timezone, dayChange);
  return {
    id: next.id,
    title: next.title,
    time: sameDay ? time : `${dayWord(start, showNow, state.timezone, lang, dayChange)} ${time}`,
    cancelled: next.cancelled !== null,
  };
}

export interface Mark {
  kind: 'offline' | 'late' | 'rehearsal';
  text: string;
}

/** The small marks in the corner: offline first (the screen may be stale), then running late, then rehearsal. */
export function marks(state: StateJson | null, online: boolean, lang: Lang, showNow = 0): Mark[] {
  const words = t(lang);
  const list: Mark[] = [];
  if (!online && state) list.push({ kind: 'offline', text: words.offline });
  const late = state ? announcedLate(state, showNow) : 0;
  if (late > 0) list.push({ kind: 'late', text: words.runningLate(late) });
  if (state?.clock.rehearsal) list.push({ kind: 'rehearsal', text: words.rehearsal });
  return list;
}

/** Shorter messages are shown bigger; up to 280 characters must still fit. */
export function messageSize(text: string): 'short' | 'medium' | 'long' {
  if (text.length <= 40) return 'short';
  return text.length <= 120 ? 'medium' : 'long';
}
