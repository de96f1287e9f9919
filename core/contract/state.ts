// The state every screen receives (GET /api/state, WebSocket pushes): the `roomcue at --json` contract plus live fields.
import type { LiveScreen, TimerPhase } from '../live/live-screen.ts';
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
}

export interface ProgramStatusJson {
  file: string;
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

export interface StateJson extends ScreenJson {
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
  /** The other rooms of the program: what is on there now and next, with live times (empty for one room). */
  elsewhere: { room: string; roomName: string; current: ItemJson[]; next: ItemJson | null }[];
  /** Today's items in this room with live times (the day of the item on now, else of the next one). */
  day: ItemJson[];
  /** Problems with the saved show state (corrupt file moved aside, disk refusing writes); control view only. */
  storeWarning: string | null;
}

export interface StateContext {
  /** The other rooms' items on now and next (multi-room programs). */
  elsewhere?: { room: string; current: TimelineItem[]; next: TimelineItem | null }[];
  seq: number;
  clock: ClockJson;
  program: ProgramStatusJson;
  storeWarning: string | null;
}

export function stateJson(timeline: Timeline, screen: LiveScreen, ctx: StateContext): StateJson {
  const zone = timeline.zone;
  const p = timeline.program;
  const message = (m: LiveScreen['messages']['speaker']) =>
    m
      ? { text: m.text, setAt: isoInZone(m.setAt, zone), until: m.until === null ? null : isoInZone(m.until, zone) }
      : null;
  const t = screen.timer;
  return {
    ...screenJson(timeline, screen),
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
    day: screen.day.map((item) => itemJson(item, zone)),
    elsewhere: (ctx.elsewhere ?? []).map((e) => ({
      room: e.room,
      roomName: p.rooms.find((r) => r.id === e.room)?.name ?? e.room,
      current: e.current.map((item) => itemJson(item, zone)),
      next: e.next ? itemJson(e.next, zone) : null,
    })),
    program: ctx.program,
    storeWarning: ctx.storeWarning,
  };
}
