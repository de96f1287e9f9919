// The timing report of a room's day: planned vs actual start and end of every item, from the operator log's stage
// records (when each item really went on and off the stage) and the program as the screens showed it.
import { DateTime } from 'luxon';
import type { ItemKind } from '../program/schema.ts';
import type { Timeline } from '../schedule/timeline.ts';
import { zoneLabel, type Instant } from '../time.ts';
import type { LogEntry } from './log-entry.ts';

/** `not-recorded`: it was over before the room's log began (the server was not running), so nobody knows. */
export type TimingStatus = 'played' | 'on' | 'not-played' | 'not-recorded' | 'cancelled';

export interface TimingRow {
  itemId: string;
  title: string;
  kind: ItemKind;
  plannedStart: Instant;
  plannedEnd: Instant;
  /** When it went on stage (a chair's late start counts from the restart); null when it never did. */
  actualStart: Instant | null;
  /** When it left the stage; null while it is still on, or when it never went on. */
  actualEnd: Instant | null;
  /** Actual start − planned start. */
  startLateMs: number | null;
  /** How much longer than planned it ran: actual length − planned length (negative: shorter). */
  overrunMs: number | null;
  /** How late the room ran once it ended: actual end − planned end (every overrun and late start before it). */
  lateMs: number | null;
  status: TimingStatus;
  /** The item on stage whose times this one shares (the program puts both in the same slot); null for most. */
  sharedWith: string | null;
}

export interface TimingReport {
  event: string;
  room: string;
  roomName: string;
  day: string;
  zone: string;
  rows: TimingRow[];
  /** The sum of the overruns (positive ones only) and how many items overran by a minute or more. */
  totalOverrunMs: number;
  overran: number;
  /** How late the room was at the end of the last item that ended. */
  finalLateMs: number | null;
}

/** One stretch of an item on stage. */
interface Stint {
  itemId: string;
  start: Instant;
  end: Instant | null;
}

/** The stretches each item spent on a room's stage, in order, from the log's stage records. */
export function stints(entries: readonly LogEntry[], room: string): Stint[] {
  const out: Stint[] = [];
  let current: Stint | null = null;
  const close = (at: Instant) => {
    if (current) current.end = Math.max(current.start, at);
    current = null;
  };
  for (const e of entries) {
    if (e.kind !== 'stage' || e.room !== room) continue;
    const on = current as Stint | null;
    if (on && on.itemId !== e.itemId) close(e.ended?.itemId === on.itemId ? e.ended.at : e.ms);
    if (e.itemId === null) continue;
    // Never before the item it replaced left (the clock taking over from a held item gives the next one its
    // start on the clock's time, earlier than the moment it really came on).
    const startedAt = Math.max(e.startedAt ?? e.ms, e.ended?.at ?? -Infinity);
    // The same item again without leaving: restarted (a chair's late start), its start is the restart.
    if (on && on.itemId === e.itemId) on.start = startedAt;
    else {
      current = { itemId: e.itemId, start: startedAt, end: null };
      out.push(current);
    }
  }
  return out;
}

export function timingReport(
  timeline: Timeline,
  entries: readonly LogEntry[],
  room: string,
  day: string,
): TimingReport {
  const index = timeline.rooms.get(room);
  if (!index) throw new Error(`unknown room "${room}"`);
  const played = stints(entries, room);
  // The log knows the room's stage from its first stage record on (the server records what is on when it starts).
  const logBegan = firstStageRecord(entries, room);
  const rows: TimingRow[] = index.items
    .filter((i) => i.day === day && i.location === null)
    .map((item) => {
      const mine = played.filter((s) => s.itemId === item.id);
      const first = mine[0];
      const last = mine.at(-1);
      const actualStart = first?.start ?? null;
      const actualEnd = last ? last.end : null;
      const status: TimingStatus = first
        ? actualEnd === null
          ? 'on'
          : 'played'
        : item.cancelled
          ? 'cancelled'
          : logBegan === null || item.plannedEnd <= logBegan
            ? 'not-recorded'
            : 'not-played';
      const ended = actualStart !== null && actualEnd !== null;
      return {
        itemId: item.id,
        title: item.title,
        kind: item.kind,
        plannedStart: item.plannedStart,
        plannedEnd: item.plannedEnd,
        actualStart,
        actualEnd,
        startLateMs: actualStart === null ? null : actualStart - item.plannedStart,
        overrunMs: ended ? actualEnd - actualStart - (item.plannedEnd - item.plannedStart) : null,
        lateMs: actualEnd === null ? null : actualEnd - item.plannedEnd,
        status,
        sharedWith: null,
      };
    });
  // Items the program puts in the very same slot as one the stage timed (two parts of an opening) were on the
  // screens with it: they share its times.
  for (const [i, row] of rows.entries()) {
    if (row.status !== 'not-played') continue;
    const twin = rows.find(
      (r) => r.actualStart !== null && r.plannedStart === row.plannedStart && r.plannedEnd === row.plannedEnd,
    );
    if (twin) rows[i] = { ...twin, itemId: row.itemId, title: row.title, kind: row.kind, sharedWith: twin.itemId };
  }
  // The summary counts each slot once.
  const own = rows.filter((r) => r.sharedWith === null);
  const overruns = own.map((r) => r.overrunMs ?? 0).filter((ms) => ms > 0);
  const lastEnded = own
    .filter((r) => r.lateMs !== null)
    .sort((a, b) => a.actualEnd! - b.actualEnd!)
    .at(-1);
  return {
    event: timeline.program.event.name,
    room,
    roomName: timeline.program.rooms.find((r) => r.id === room)?.name ?? room,
    day,
    zone: timeline.zone,
    rows,
    totalOverrunMs: overruns.reduce((a, b) => a + b, 0),
    overran: overruns.filter((ms) => ms >= 60_000).length,
    finalLateMs: lastEnded?.lateMs ?? null,
  };
}

/** When the log's first stage record of `room` was written, or null when it has none. */
function firstStageRecord(entries: readonly LogEntry[], room: string): Instant | null {
  let first: Instant | null = null;
  for (const e of entries) if (e.kind === 'stage' && e.room === room && (first === null || e.ms < first)) first = e.ms;
  return first;
}

/** "+3:00", "−0:45", "0:00": a signed duration in minutes and seconds. */
export function signedMinutes(ms: number | null): string {
  if (ms === null) return '';
  const s = Math.round(ms / 1000);
  const abs = Math.abs(s);
  const text = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
  return s > 0 ? `+${text}` : s < 0 ? `−${text}` : text;
}

/** "09:02:00" in the report's zone; "" for none. */
export function wallTime(at: Instant | null, zone: string): string {
  return at === null ? '' : DateTime.fromMillis(at, { zone }).toFormat('HH:mm:ss');
}

export const STATUS_TEXT: Record<TimingStatus, string> = {
  played: 'played',
  on: 'still on',
  'not-played': 'not played',
  'not-recorded': 'not recorded',
  cancelled: 'cancelled',
};

export const CSV_HEADER = [
  'room',
  'day',
  'item_id',
  'title',
  'kind',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  'start_late_s',
  'overrun_s',
  'late_at_end_s',
  'status',
];

/** RFC 4180 CSV, one row per item; a formula-looking cell is prefixed with ' so a spreadsheet shows it as text. */
export function reportCsv(report: TimingReport): string {
  const seconds = (ms: number | null) => (ms === null ? '' : String(Math.round(ms / 1000)));
  const lines = report.rows.map((r) =>
    [
      report.room,
      report.day,
      r.itemId,
      r.title,
      r.kind,
      wallTime(r.plannedStart, report.zone),
      wallTime(r.plannedEnd, report.zone),
      wallTime(r.actualStart, report.zone),
      wallTime(r.actualEnd, report.zone),
      seconds(r.startLateMs),
      seconds(r.overrunMs),
      seconds(r.lateMs),
      r.status,
    ]
      .map(csvCell)
      .join(','),
  );
  return [CSV_HEADER.join(','), ...lines].join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The report as a plain-text table for a terminal. */
export function reportText(report: TimingReport): string {
  const head = ['Planned', 'Actual', 'Late start', 'Overrun', 'Late at end', 'Item'];
  const rows = report.rows.map((r) => [
    `${wallTime(r.plannedStart, report.zone).slice(0, 5)}–${wallTime(r.plannedEnd, report.zone).slice(0, 5)}`,
    r.actualStart === null
      ? STATUS_TEXT[r.status]
      : `${wallTime(r.actualStart, report.zone)}–${r.actualEnd === null ? 'on' : wallTime(r.actualEnd, report.zone)}`,
    signedMinutes(r.startLateMs),
    signedMinutes(r.overrunMs),
    signedMinutes(r.lateMs),
    r.title,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    `${report.event} · ${report.roomName} · ${report.day} (${zoneLabel(report.zone)})`,
    '',
    line(head),
    ...rows.map(line),
    '',
    `Overruns: ${report.overran} item(s), ${signedMinutes(report.totalOverrunMs)} in all; late at the end: ${report.finalLateMs === null ? 'nothing ended yet' : signedMinutes(report.finalLateMs)}`,
  ].join('\n');
}
