// The few values a button or a console shows about a room (Companion's HTTP feedback, OSC out), from the full state.
import type { TimerPhase } from '../live/timer-phase.ts';
import type { StateJson } from './state.ts';

export interface RoomNowJson {
  room: string;
  roomName: string;
  /** The item timed in the room, else the first item on now; null when nothing is on. */
  itemId: string | null;
  title: string;
  speakers: string;
  /** Seconds left, negative in overtime; null without a timer. */
  remainingSeconds: number | null;
  /** "12:34", "+0:15" in overtime, "" without a timer: ready to print on a button. */
  remaining: string;
  phase: TimerPhase | 'none';
  running: boolean;
  /** Minutes the room runs late, as every screen says it (0: on time). */
  lateMinutes: number;
  /** A talk, keynote, panel… is on (not a break, not nothing) and the screens are not blacked out. */
  onAir: boolean;
  blackout: boolean;
  nextTitle: string;
  /** "14:30" in the program's zone, "" when nothing follows. */
  nextStart: string;
}

const OFF_AIR_KINDS = new Set(['break', 'meal', 'registration', 'social']);

/** `nowMs` is the show clock's instant (the countdown is computed from absolute timestamps, as the views do). */
export function roomNow(state: StateJson, nowMs: number): RoomNowJson {
  const timer = state.timer;
  const item = (timer && state.current.find((i) => i.id === timer.itemId)) || state.current[0] || null;
  const remainingMs = timer ? (timer.running ? timer.endsAtMs - nowMs : timer.remainingSeconds * 1000) : null;
  const remainingSeconds = remainingMs === null ? null : Math.ceil(remainingMs / 1000);
  return {
    room: state.room,
    roomName: state.roomName,
    itemId: item?.id ?? null,
    title: item?.title ?? '',
    speakers: item ? item.speakers.map((s) => s.name).join(', ') : '',
    remainingSeconds,
    remaining: remainingSeconds === null ? '' : clock(remainingSeconds),
    phase: timer ? (remainingSeconds !== null && remainingSeconds <= 0 ? 'overtime' : timer.phase) : 'none',
    running: timer?.running ?? false,
    // Time a person gave the talk on purpose (+5 min) is not announced as late on the screens: nor on a button.
    lateMinutes: state.late.onPurpose ? 0 : state.delayMinutes,
    onAir: !state.blackout && item !== null && !OFF_AIR_KINDS.has(item.kind),
    blackout: state.blackout,
    nextTitle: state.next?.title ?? '',
    nextStart: state.next ? state.next.start.slice(11, 16) : '',
  };
}

/** 754 → "12:34", 3725 → "1:02:05", -15 → "+0:15" (overtime counts up). */
export function clock(seconds: number): string {
  const over = seconds < 0;
  const s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  return over ? `+${body}` : body;
}
