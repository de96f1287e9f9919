// `roomcue at INSTANT`: what a room's screen shows at an instant, as text or as the stable JSON contract.
import { DateTime } from 'luxon';
import { formatDiagnostic } from '../core/program/diagnostics.ts';
import { resolveScreen, type Screen } from '../core/schedule/resolve.ts';
import { screenJson } from '../core/schedule/screen-json.ts';
import { buildTimeline, type Timeline, type TimelineItem } from '../core/schedule/timeline.ts';
import { findRoom } from '../core/program/rooms.ts';
import { kindLabel } from '../core/schedule/kinds.ts';
import { localTime, parseInstant, programDay, zoneLabel } from '../core/time.ts';
import { DEFAULT_PROGRAM, readProgramFile } from '../server/program/program-file.ts';
import { CliError, type Io } from './io.ts';

export interface AtOptions {
  instant: string;
  program?: string | undefined;
  room?: string | undefined;
  json: boolean;
}

export async function runAt(options: AtOptions, io: Io, now: () => number = Date.now): Promise<number> {
  const file = options.program ?? DEFAULT_PROGRAM;
  const shown = options.program ?? 'data/dp2e-ai-2026.json';
  const result = await readProgramFile(file);
  if (result.status === 'unreadable') throw new CliError(`${shown}: cannot read: ${result.message}`, 2);
  if (result.status !== 'ok') {
    for (const d of result.diagnostics.filter((x) => x.severity === 'error')) io.err(formatDiagnostic(shown, d));
    throw new CliError(
      `${shown} is not a valid program; run "roomcue check ${shown}" for details`,
      result.status === 'not-json' ? 2 : 1,
    );
  }
  const timeline = buildTimeline(result.program);
  const match = findRoom(result.program.rooms, options.room ?? timeline.mainRoom);
  if (!match.ok) throw new CliError(`${match.message} (in ${shown})`, 2);
  const room = match.room.id;
  const instant =
    options.instant === 'now' ? { ok: true as const, at: now() } : parseInstant(options.instant, timeline.zone);
  if (!instant.ok) throw new CliError(instant.reason, 2);

  const screen = resolveScreen(timeline, room, instant.at);
  if (options.json) io.out(JSON.stringify(screenJson(timeline, screen), null, 2));
  else io.out(describeScreen(timeline, screen));
  return 0;
}

const PHASE_TEXT: Record<Screen['phase'], string> = {
  'before-event': 'before the event',
  'in-session': 'in session',
  'in-break': 'break',
  'between-days': 'between days',
  'after-event': 'after the event',
};

/** The screen as plain text for a terminal. */
export function describeScreen(timeline: Timeline, screen: Screen): string {
  const zone = timeline.zone;
  const when = DateTime.fromMillis(screen.at, { zone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm:ss');
  const lines = [
    `${timeline.program.event.name} · room ${screen.room} · ${when} (${zoneLabel(zone)})`,
    `Phase: ${PHASE_TEXT[screen.phase]}`,
    '',
  ];
  if (screen.current.length === 0) lines.push('Now    nothing in this room');
  // An item on another day of the event than the one shown before it (first: the instant's) says its date, once. A
  // day that runs past midnight (the program's dayChange) keeps its night: at 23:45 the 01:00 talk is tonight's.
  const today = programDay(screen.at, zone, timeline.dayChange);
  let shownDay = today;
  const dated = (item: TimelineItem): string | null => {
    if (item.day === shownDay) return null;
    shownDay = item.day;
    return DateTime.fromMillis(item.start, { zone }).setLocale('en-GB').toFormat('ccc d LLLL');
  };
  screen.current.forEach((item, i) => {
    const left = Math.ceil((item.end - screen.at) / 1000);
    lines.push(...describeItem(i === 0 ? 'Now' : '', item, zone, `${formatDuration(left)} left`));
  });
  shownDay = today;
  lines.push('');
  if (screen.next) {
    const startsIn = Math.ceil((screen.next.start - screen.at) / 1000);
    lines.push(...describeItem('Next', screen.next, zone, `in ${formatDuration(startsIn)}`, false, dated(screen.next)));
  } else lines.push('Next   nothing more');
  if (screen.later.length > 0) lines.push('');
  screen.later.forEach((item, i) =>
    lines.push(...describeItem(i === 0 ? 'Later' : '', item, zone, null, true, dated(item))),
  );
  return lines.join('\n');
}

function describeItem(
  label: string,
  item: TimelineItem,
  zone: string,
  note: string | null,
  brief = false,
  date: string | null = null,
): string[] {
  const pad = ' '.repeat(7);
  const head = `${label.padEnd(7)}${date ? `${date} ` : ''}${localTime(item.start, zone)}–${localTime(item.end, zone)}  ${kindLabel(item.kind)} · ${item.title}`;
  const lines = [note ? `${head}  (${note})` : head];
  if (item.location)
    lines.push(`${pad}at ${item.location.name}${item.location.address ? `, ${item.location.address}` : ''}`);
  if (brief) return lines;
  if (item.speakers.length > 0) {
    lines.push(pad + item.speakers.map((p) => (p.affiliation ? `${p.name} (${p.affiliation})` : p.name)).join(', '));
  }
  if (item.session) {
    const roles = [
      item.session.chairs.length ? `chair ${item.session.chairs.map((p) => p.name).join(', ')}` : '',
      item.session.moderators.length ? `moderator ${item.session.moderators.map((p) => p.name).join(', ')}` : '',
    ].filter(Boolean);
    lines.push(`${pad}Session: ${item.session.title}${roles.length ? ` · ${roles.join(' · ')}` : ''}`);
  }
  return lines;
}

/** 1500 s → "25 min", 90000 s → "1 d 1 h 0 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, seconds);
  const minutes = Math.ceil(s / 60);
  if (s < 60) return `${s} s`;
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d} d ${h} h ${m} min`;
  if (h > 0) return `${h} h ${m} min`;
  return `${m} min`;
}
