// The state every screen receives (GET /api/state, WebSocket pushes): the `roomcue at --json` contract plus live fields.
import type { LateCause, LiveScreen, TimerPhase } from '../live/live-screen.ts';
import type { OvertimePolicy } from '../live/state.ts';
import type { ShiftBackPlan } from '../edits/program-actions.ts';
import type { WarningKind } from '../program/diagnostics.ts';
import { itemJson, screenJson, type ItemJson, type ScreenJson } from '../schedule/screen-json.ts';
import type { Timeline, TimelineItem } from '../schedule/timeline.ts';
import { isoInZone, type Instant } from '../time.ts';

export interface ClockJson {
  /** The show's time at `serverTime` (differs from it in a rehearsal). */
  now: Instant;
  /** The server's real clock when this state was made; clients estimate their offset to it with WebSocket pings. */
  serverTime: Instant;
  /** Show seconds per real second (1 except in a rehearsal). */
  speed: number;
  rehearsal: boolean;
}

export interface TimerJson {
  itemId: string;
  source: 'timer' | 'schedule';
  running: boolean;
  startedAt: string;
  /** Epoch ms at which the countdown reaches zero if running: a client computes what to show from it. */
  endsAtMs: Instant;
  endsAt: string;
  pausedAt: string | null;
  remainingSeconds: number;
  phase: TimerPhase;
  warningSeconds: number;
  dangerSeconds: number;
}

export interface MessageJson {
  text: string;
  setAt: string;
  until: string | null;
  /** When the chair acknowledged it (speaker messages); null until then. */
  ackedAt: string | null;
}

/** Notes on an item: `av` for the control view only (null elsewhere), `chair` for the chair and the control. */
export interface NoteJson {
  itemId: string;
  av: string | null;
  chair: string | null;
}

/** The operators' edits of the program, for the control view (see core/edits/overlay.ts). */
export interface EditsJson {
  /** How many edits the overlay holds. */
  count: number;
  /** Each item the edits changed: the fields with the source's value (`was`), cancelled, or added by an edit. */
  items: {
    itemId: string;
    title: string;
    changed: { field: string; label: string; was: unknown }[];
    cancelled: { reason: string | null; public: boolean } | null;
    added: boolean;
    /**
     * An item added with shiftFollowing: what removing it with shiftBack would move back (program.item.remove), the
     * same plan the server applies. Absent when its insert moved nothing.
     */
    shiftBack?: ShiftBackPlan;
  }[];
  /**
   * Edits that met a change in the source: "Title of 'X' was changed in the source too" (yours is kept, theirs is
   * shown), an item that is gone, an edit that no longer makes a valid program. Never dropped silently.
   */
  conflicts: {
    editId: number | null;
    itemId: string;
    kind: 'missing' | 'changed-in-source' | 'id-taken';
    message: string;
    field: string | null;
    yours: unknown;
    theirs: unknown;
  }[];
}

export interface ProgramStatusJson {
  /** The program's file on the server (or the feed's address); for the control view only: the other views get null. */
  file: string | null;
  loadedAt: string;
  /**
   * The program's first few warnings, one line each; `warningCount` says how many there are in all and
   * `warningKinds` how many of each sort. For the control view only: the other views get none (0, []).
   */
  warnings: string[];
  warningCount: number;
  warningKinds: { kind: WarningKind; count: number }[];
  /** The last edit that could not be loaded (the previous program is still shown); for the control view only. */
  problem: { at: string; summary: string; errors: string[] } | null;
  /** The last reload (file edit or feed poll) that changed items, summarised; null until one does. */
  lastChange?: { at: string; summary: string } | null;
}

/** What is on stage in this room: the single answer every screen uses (see docs/api.md, "On stage"). */
export interface StageJson {
  itemId: string | null;
  touched: boolean;
  startedAtMs: Instant | null;
  /** The countdown's zero, all lateness included (== timer.endsAtMs). */
  endsAtMs: Instant | null;
  overtime: boolean;
  held: boolean;
  holdUntilMs: Instant | null;
  away: boolean;
}

export interface NextStartJson {
  atMs: Instant;
  /** While the item on stage is held in overtime, NEXT starts "after this talk"; atMs moves with the clock. */
  afterCurrent: boolean;
  plannedAtMs: Instant;
  day: string;
  today: boolean;
}

export interface LateJson {
  ms: number;
  minutes: number;
  growing: boolean;
  cause: LateCause | null;
  /** The only lateness is time given on purpose (+5 min on an on-time talk): not announced as "running late". */
  onPurpose: boolean;
  /** AV's own "running N min late" in force here (0: none): what "Clear the delay" clears. */
  declaredMinutes: number;
  /** How late NEXT would start without AV's delay (the timers' own lateness). */
  withoutDeclaredMs: number;
}

export interface StateJson extends Omit<ScreenJson, 'phase'> {
  /** The screen's phase, plus 'room-idle': nothing more in this room today while the event goes on elsewhere. */
  phase: ScreenJson['phase'] | 'room-idle';
  seq: number;
  event: { id: string; name: string; venue: string; address: string | null; url: string | null };
  roomName: string;
  rooms: { id: string; name: string }[];
  clock: ClockJson;
  mode: 'follow' | 'manual';
  delayMinutes: number;
  timer: TimerJson | null;
  messages: { speaker: MessageJson | null; public: MessageJson | null };
  blackout: boolean;
  program: ProgramStatusJson;
  /** The other rooms: what is on there now and next, with live times (empty for one room); biggest room first. */
  elsewhere: {
    room: string;
    roomName: string;
    capacity: number | null;
    current: ItemJson[];
    next: ItemJson | null;
  }[];
  /**
   * Today's items in this room with live times (the day of the item on now, else of the next one); for the control
   * view (`[]` for the door and the chair, which show `current`, `next` and `later`).
   */
  day: ItemJson[];
  /** Problems with the saved show state (corrupt file moved aside, disk refusing writes); control view only. */
  storeWarning: string | null;
  /** The room's day of the event, "2026-06-29": its date in the program's zone, counted from `dayChange`. */
  today: string;
  /** The whole event in this room, every day, with live times; for the control view (`[]` for the others). */
  days: { date: string; items: ItemJson[] }[];
  /** The next item that happens in this room (not away, like the dinner): what the chair may count down to. */
  nextInRoom: ItemJson | null;
  stage: StageJson;
  nextStart: NextStartJson | null;
  /** The one lateness every screen shows; `delayMinutes` equals `late.minutes`. */
  late: LateJson;
  /** What timer.start would do now (null: refused, the timer is running): the control confirms a restart. */
  startNow: { itemId: string; title: string; restarts: boolean; fromSeconds: number } | null;
  overtimePolicy: OvertimePolicy;
  /** What undo and redo would do in this room: "+5 min on HPC in Transition". */
  history: { undo: string | null; redo: string | null };
  /** Only on a box that follows a central server (--server). */
  central?: CentralJson | null;
  /** Notes on items (control: AV and chair notes; chair: chair notes; door: none). */
  notes?: NoteJson[];
  /** Control view only: the operators' edits and their conflicts. */
  edits?: EditsJson;
  /** Control view only: the preset messages for the speaker, one tap to send. */
  presets?: string[];
}

/** A box that follows a central server: whether it reaches it (control view only shows it). */
export interface CentralJson {
  url: string;
  online: boolean;
  /** Epoch ms since when the box serves its screens from its own copy; null while online. */
  offlineSince: number | null;
}

export interface StateContext {
  central?: CentralJson | null;
  /** What undo and redo would do (labels); none when the caller keeps no history. */
  history?: { undo: string | null; redo: string | null };
  /** The other rooms' items on now and next (multi-room programs). */
  elsewhere?: { room: string; current: TimelineItem[]; next: TimelineItem | null }[];
  seq: number;
  clock: ClockJson;
  program: ProgramStatusJson;
  storeWarning: string | null;
  /**
   * Whether to list the room's day and the whole event (`day`, `days`); false: both are empty. Only the control view
   * reads them: they are about 60 % of a door's state, which goes to every screen at every change.
   */
  lists?: boolean;
}

export function stateJson(timeline: Timeline, screen: LiveScreen, ctx: StateContext): StateJson {
  const zone = timeline.zone;
  const p = timeline.program;
  const message = (m: LiveScreen['messages']['speaker']) =>
    m
      ? {
          text: m.text,
          setAt: isoInZone(m.setAt, zone),
          until: m.until === null ? null : isoInZone(m.until, zone),
          ackedAt: m.ackedAt === null ? null : isoInZone(m.ackedAt, zone),
        }
      : null;
  const t = screen.timer;
  const elsewhere = ctx.elsewhere ?? [];
  const rooms = new Map(p.rooms.map((r, i) => [r.id, { room: r, i }]));
  const size = (room: string) => rooms.get(room)?.room.capacity ?? null;
  const rank = (room: string) => (room === timeline.mainRoom ? -1 : (rooms.get(room)?.i ?? Infinity));
  const sorted = [...elsewhere].sort(
    (a, b) => (size(b.room) ?? -1) - (size(a.room) ?? -1) || rank(a.room) - rank(b.room),
  );
  const item = (i: TimelineItem) => itemJson(i, zone);
  const doneToday = screen.current.length === 0 && (!screen.next || screen.next.day !== screen.today);
  // The event goes on elsewhere *today*: another room's next item on a later day (every room done for the evening)
  // leaves this room between days, with its own tomorrow, rather than pointing people at next door's first talk.
  const onElsewhere = elsewhere.some((e) => e.current.length > 0 || (e.next !== null && e.next.day === screen.today));
  const phase: StateJson['phase'] =
    doneToday && onElsewhere && (screen.phase === 'after-event' || screen.phase === 'between-days')
      ? 'room-idle'
      : screen.phase;
  return {
    ...screenJson(timeline, screen),
    phase,
    seq: ctx.seq,
    event: {
      id: p.event.id,
      name: p.event.name,
      venue: p.venue.name,
      address: p.venue.address ?? null,
      url: p.event.url ?? null,
    },
    roomName: p.rooms.find((r) => r.id === screen.room)?.name ?? screen.room,
    rooms: p.rooms.map((r) => ({ id: r.id, name: r.name })),
    clock: ctx.clock,
    mode: screen.mode,
    delayMinutes: screen.delayMinutes,
    timer: t
      ? {
          itemId: t.itemId,
          source: t.source,
          running: t.running,
          startedAt: isoInZone(t.startedAt, zone),
          endsAtMs: t.endsAt,
          endsAt: isoInZone(t.endsAt, zone),
          pausedAt: t.pausedAt === null ? null : isoInZone(t.pausedAt, zone),
          remainingSeconds: Math.ceil(t.remainingMs / 1000),
          phase: t.phase,
          warningSeconds: t.warningSeconds,
          dangerSeconds: t.dangerSeconds,
        }
      : null,
    messages: { speaker: message(screen.messages.speaker), public: message(screen.messages.public) },
    blackout: screen.blackout,
    day: ctx.lists === false ? [] : screen.day.map(item),
    elsewhere: sorted.map((e) => ({
      room: e.room,
      roomName: rooms.get(e.room)?.room.name ?? e.room,
      capacity: size(e.room),
      current: e.current.map(item),
      next: e.next ? item(e.next) : null,
    })),
    program: ctx.program,
    storeWarning: ctx.storeWarning,
    ...(ctx.central ? { central: ctx.central } : {}),
    today: screen.today,
    days: ctx.lists === false ? [] : screen.days.map((d) => ({ date: d.date, items: d.items.map(item) })),
    nextInRoom: screen.nextInRoom ? item(screen.nextInRoom) : null,
    stage: {
      itemId: screen.stage.itemId,
      touched: screen.stage.touched,
      startedAtMs: screen.stage.startedAt,
      endsAtMs: screen.stage.endsAt,
      overtime: screen.stage.overtime,
      held: screen.stage.held,
      holdUntilMs: screen.stage.holdUntil,
      away: screen.stage.away,
    },
    nextStart: screen.nextStart
      ? {
          atMs: screen.nextStart.at,
          afterCurrent: screen.nextStart.afterCurrent,
          plannedAtMs: screen.nextStart.plannedAt,
          day: screen.nextStart.day,
          today: screen.nextStart.day === screen.today,
        }
      : null,
    late: { ...screen.late },
    startNow: screen.startNow
      ? {
          itemId: screen.startNow.itemId,
          title: screen.startNow.title,
          restarts: screen.startNow.restarts,
          fromSeconds: Math.ceil(screen.startNow.fromMs / 1000),
        }
      : null,
    overtimePolicy: { ...screen.overtimePolicy },
    history: ctx.history ?? { undo: null, redo: null },
  };
}
