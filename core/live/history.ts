// Undo and redo: a bounded history of each room's live state, kept beside it (and saved with it).
import { z } from 'zod';
import { dict } from '../own.ts';
import type { Timeline } from '../schedule/timeline.ts';
import type { Instant } from '../time.ts';
import type { Action, LiveAction } from './actions.ts';
import { Edit } from '../edits/overlay.ts';
import { resolveLive, roomLive } from './live-screen.ts';
import { ActionRejected, nextLabel, reduce } from './reducer.ts';
import { emptyLive, LiveStateSchema, RoomLiveSchema, type LiveState, type RoomLive } from './state.ts';

/** How many steps back (and forward) each room keeps. */
export const HISTORY_LIMIT = 100;

/** An operator's edit of the program as kept in the overlay file, in the order they were made. */
export const StoredEditSchema = z.object({
  id: z.number().int().min(1),
  /** When it was made (epoch ms) and by whom (the control tab's name or address). */
  at: z.number(),
  who: z.string().max(200),
  edit: Edit,
});
export type StoredEdit = z.infer<typeof StoredEditSchema>;

const Step = z.object({
  /** What the step did, for the control's buttons: "+5 min on HPC in Transition". */
  label: z.string(),
  /** The room's live state to go back (undo) or forward (redo) to. */
  room: RoomLiveSchema,
  /**
   * The action that made a live step: its type, with the audience for messages ("message.set:speaker"); a chair
   * PIN may undo and redo only its own kind of step (core/live/roles.ts). Absent on edits and older steps.
   */
  action: z.string().max(40).optional(),
  /**
   * A step that edited the program: `edit` is the edit as the step left it, `was` as it found it (absent: the step
   * added it, or removed it). Undo puts `was` back in its place, redo `edit`.
   */
  edit: StoredEditSchema.optional(),
  was: StoredEditSchema.optional(),
});

const RoomHistory = z.object({ room: z.string(), undo: z.array(Step), redo: z.array(Step) });

export const ShowStateSchema = z.object({
  live: LiveStateSchema,
  /** Per room; the newest step last. */
  history: z.array(RoomHistory),
  /** The operators' edits of the program, oldest first (saved in their own overlay file, not with the state). */
  edits: z.array(StoredEditSchema).default([]),
});

export type Step = z.infer<typeof Step>;
export type RoomHistory = z.infer<typeof RoomHistory>;
export type ShowState = z.infer<typeof ShowStateSchema>;

/** The format of the saved show state: 2 adds the history (format 1 was the live state alone). */
export const SHOW_STATE_FORMAT = 2;

export const emptyShowState = (): ShowState => ({ live: emptyLive(), history: [], edits: [] });

/** Throws with the first problem when `data` is not a saved show state. */
export function validateShowState(data: unknown): ShowState {
  const parsed = ShowStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'state'}: ${issue.message}`);
  }
  // Room ids are names someone chose: the rooms map has no prototype (see core/own.ts).
  const { live } = parsed.data;
  return { ...parsed.data, live: { ...live, rooms: dict(Object.entries(live.rooms)) } };
}

/** A state saved by an older version (format 1: the live state alone) with an empty history. */
export function upgradeShowState(version: number, data: unknown): unknown {
  if (version === 1) return { live: data, history: [], edits: [] };
  return data;
}

/**
 * `JSON.stringify(state)`, the same text, made faster for a state saved at every action: each undo or redo step's
 * text is kept with the step (steps are never changed once made), so a save turns only the new step and the live
 * state into JSON, not the room's hundred steps again.
 */
export function showStateJson(state: ShowState): string {
  return objectJson(state, (key, value) =>
    key === 'history' && Array.isArray(value) ? `[${(value as RoomHistory[]).map(roomHistoryJson).join(',')}]` : null,
  );
}

const stepTexts = new WeakMap<Step, string>();

function roomHistoryJson(h: RoomHistory): string {
  return objectJson(h, (key, value) =>
    (key === 'undo' || key === 'redo') && Array.isArray(value)
      ? `[${(value as Step[]).map(stepJson).join(',')}]`
      : null,
  );
}

function stepJson(step: Step): string {
  let text = stepTexts.get(step);
  if (text === undefined) {
    text = JSON.stringify(step);
    stepTexts.set(step, text);
  }
  return text;
}

/** An object's JSON as `JSON.stringify` writes it, with `member` writing the members it knows (null: the others). */
function objectJson(object: object, member: (key: string, value: unknown) => string | null): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    const text = member(key, value) ?? JSON.stringify(value);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`); // undefined members are left out
  }
  return `{${parts.join(',')}}`;
}

export function roomHistory(state: ShowState, room: string): RoomHistory {
  return state.history.find((h) => h.room === room) ?? { room, undo: [], redo: [] };
}

/** The labels of what undo and redo would do in `room` now. */
export function historyLabels(state: ShowState, room: string): { undo: string | null; redo: string | null } {
  const h = roomHistory(state, room);
  return { undo: h.undo.at(-1)?.label ?? null, redo: h.redo.at(-1)?.label ?? null };
}

/**
 * Applies any action: undo/redo walk the room's history; every other action goes through the reducer and its
 * room's state before it becomes a step to undo (a new action forgets what could be redone).
 */
export function applyAction(
  timeline: Timeline,
  state: ShowState,
  action: Action,
  at: Instant,
  defaultRoom: string,
): ShowState {
  const room = action.room ?? defaultRoom;
  if (!timeline.rooms.has(room)) throw new ActionRejected(`unknown room "${room}"`);
  const h = roomHistory(state, room);
  const current = roomLive(state.live, room);
  const withRoom = (r: RoomLive): LiveState => ({
    ...state.live,
    seq: state.live.seq + 1,
    rooms: dict([...Object.entries(state.live.rooms), [room, r]]),
  });
  if (action.type === 'undo' || action.type === 'redo') {
    const [from, to] = action.type === 'undo' ? [h.undo, h.redo] : [h.redo, h.undo];
    const step = from.at(-1);
    if (!step) throw new ActionRejected(`nothing to ${action.type} in room ${room}`);
    const { label, edit, was, action: made } = step;
    const moved = [
      ...to,
      { label, room: current, ...(made ? { action: made } : {}), ...(edit ? { edit } : {}), ...(was ? { was } : {}) },
    ].slice(-HISTORY_LIMIT);
    const left = from.slice(0, -1);
    const next = action.type === 'undo' ? { room, undo: left, redo: moved } : { room, undo: moved, redo: left };
    // An edit step: the edit goes back to what it was (undo) or what the step made it (redo), in its place.
    const id = (edit ?? was)?.id;
    const edits =
      id === undefined ? state.edits : placeEdit(state.edits, id, (action.type === 'undo' ? was : edit) ?? null);
    return { live: withRoom(step.room), history: replace(state.history, next), edits };
  }
  if (action.type === 'presets.set' || action.type.startsWith('program.')) {
    throw new ActionRejected(`${action.type} edits the program: the show records it with recordEdit`);
  }
  const label = describeAction(timeline, state.live, action as LiveAction, at, room);
  const live = reduce(timeline, state.live, action, at, defaultRoom);
  const made = 'to' in action && action.to ? `${action.type}:${action.to}` : action.type;
  const undo = [...h.undo, { label, room: current, action: made }].slice(-HISTORY_LIMIT);
  return { ...state, live, history: replace(state.history, { room, undo, redo: [] }) };
}

/** The step undo or redo would take in `room` now, if any (the show checks that an edit can be redone). */
export function peekStep(state: ShowState, room: string, direction: 'undo' | 'redo'): Step | null {
  return roomHistory(state, room)[direction].at(-1) ?? null;
}

/**
 * Adds an operator's edit of the program to the overlay (or, with `was`, replaces that edit; with `edit` null,
 * removes `was`), as a step of `room`'s history that undo reverses.
 */
export function recordEdit(
  state: ShowState,
  room: string,
  label: string,
  edit: StoredEdit | null,
  was: StoredEdit | null = null,
): ShowState {
  const h = roomHistory(state, room);
  const step = { label, room: roomLive(state.live, room), ...(edit ? { edit } : {}), ...(was ? { was } : {}) };
  const id = (edit ?? was)!.id;
  return {
    live: { ...state.live, seq: state.live.seq + 1 },
    history: replace(state.history, { room, undo: [...h.undo, step].slice(-HISTORY_LIMIT), redo: [] }),
    edits: placeEdit(state.edits, id, edit),
  };
}

/** The edits with the one of id `id` replaced by `edit` (removed when null, put back in id order when absent). */
function placeEdit(edits: StoredEdit[], id: number, edit: StoredEdit | null): StoredEdit[] {
  const others = edits.filter((e) => e.id !== id);
  return edit ? [...others, edit].sort((a, b) => a.id - b.id) : others;
}

function replace(all: RoomHistory[], h: RoomHistory): RoomHistory[] {
  const i = all.findIndex((x) => x.room === h.room);
  return i < 0 ? [...all, h] : all.map((x, k) => (k === i ? h : x));
}

/** What an action does, named for a person: "+5 min on HPC in Transition", "Jump to Opening". */
export function describeAction(
  timeline: Timeline,
  live: LiveState,
  action: LiveAction,
  at: Instant,
  room: string,
): string {
  const s = resolveLive(timeline, live, room, at);
  const onStage = s.stage.itemId ? (timeline.byId.get(s.stage.itemId)?.title ?? s.stage.itemId) : 'the timer';
  const title = (id: string) => timeline.byId.get(id)?.title ?? id;
  // Reset with nothing on stage (a talk a person ended) gives the room's timer's item its time back: name it.
  const timed = roomLive(live, room).timer?.itemId;
  const resetOf = s.stage.itemId === null && timed ? title(timed) : onStage;
  switch (action.type) {
    case 'timer.start':
      if (s.startNow?.restarts) return `Restart ${s.startNow.title} with ${clock(s.startNow.fromMs)} left`;
      return s.startNow ? `Start ${s.startNow.title}` : `Start ${onStage}`;
    case 'timer.pause':
      return `Pause ${onStage}`;
    case 'timer.resume':
      return `Resume ${onStage}`;
    case 'timer.add':
      return `${signedDuration(action.seconds)} on ${onStage}`;
    case 'timer.reset':
      return `Timer of ${resetOf} back to the program`;
    case 'item.end':
      return nextLabel(timeline, live, room, at);
    case 'item.previous':
      return 'Back to the previous item';
    case 'goto':
      return `Jump to ${title(action.itemId)}`;
    case 'follow':
      return 'Follow the clock';
    case 'delay.set':
      return action.minutes === 0 ? 'On time (no delay)' : `Running ${action.minutes} min late`;
    case 'message.set':
      return `Message to the ${action.to}: ${action.text.length > 40 ? `${action.text.slice(0, 39)}…` : action.text}`;
    case 'message.clear':
      return action.to ? `Clear the ${action.to} message` : 'Clear the messages';
    case 'blackout':
      return action.on ? 'Blackout on' : 'Blackout off';
    case 'message.ack':
      return 'The chair saw the message';
    case 'overtime.policy':
      return `Overtime: ${action.policy === 'hold' ? 'hold' : action.policy === 'clock' ? 'follow the clock' : 'always hold'}`;
  }
}

/** 2400000 → "40:00"; 3723000 → "1:02:03". */
export function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** 300 → "+5 min"; -30 → "−30 s"; 90 → "+1 min 30 s". */
export function signedDuration(seconds: number): string {
  const sign = seconds < 0 ? '−' : '+';
  const abs = Math.abs(seconds);
  const m = Math.floor(abs / 60);
  const sec = abs % 60;
  return `${sign}${[m ? `${m} min` : '', sec ? `${sec} s` : ''].filter(Boolean).join(' ') || '0 s'}`;
}
