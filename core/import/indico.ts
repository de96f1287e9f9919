// From an Indico timetable export (/export/timetable/<id>.json) to a program: session blocks, contributions, breaks.
import { jsonErrorReason } from './detect.ts';
import type { ImportNote, ImportOptions, ImportResult } from './types.ts';
import { ianaZoneFor } from './windows-zones.ts';
import {
  childEntries,
  findTimetable,
  obj,
  programZone,
  readDate,
  readEntry,
  type IndicoEntry,
  type Json,
} from './indico-entries.ts';
import { IndicoReader } from './indico-reader.ts';
import { programNightDays } from './night-days.ts';

const FORMAT = 'indico-json';

export function importIndico(text: string, options: ImportOptions = {}): ImportResult {
  const fail = (error: string): ImportResult => ({ ok: false, format: FORMAT, error });
  let root: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    root = JSON.parse(json);
  } catch (err) {
    return fail(`not valid JSON: ${jsonErrorReason(err, json)}`);
  }
  const found = findTimetable(root);
  if ('error' in found) return fail(found.error);
  const defaultZone = options.defaultZone ? ianaZoneFor(options.defaultZone) : null;
  if (options.defaultZone && !defaultZone) return fail(`unknown default time zone "${options.defaultZone}"`);

  const notes: ImportNote[] = [];
  const note = (where: string, message: string, kind: ImportNote['kind']) => notes.push({ where, message, kind });
  if (found.otherEvents.length)
    note('', `the export holds several events: imported ${found.eventId}, left out ${found.otherEvents}`, 'dropped');

  const tops = topEntries(found.days);
  const all = tops.flatMap((e) => [e, ...childEntries(e)]);
  if (!all.length) return fail('the Indico timetable has no entries: is anything scheduled in the event?');

  const zone = programZone(all, defaultZone, note);
  // Indico lists session blocks first: read the day in time order, so rooms come in the order they are first used.
  const startOf = (e: IndicoEntry) => readDate(e.startDate, zone)?.toMillis() ?? Infinity;
  tops.sort((a, b) => startOf(a) - startOf(b));
  const reader = new IndicoReader(zone, note);
  for (const e of tops) reader.readTop(e);
  if (!reader.sessions.length && !reader.items.length)
    return fail('no usable entries in the Indico timetable (see the times)');
  const program = reader.program(all, found.eventId, options.sourceName);
  // Indico lists entries by calendar date: an evening that runs on past midnight keeps its night.
  const night = programNightDays(program);
  for (const message of night.notes) note('', message, 'guessed');
  if (night.dayChange) program.dayChange = night.dayChange;
  return { ok: true, format: FORMAT, program, notes };
}

/** The entries of every day, each once: session blocks that run past midnight are listed under both days. */
function topEntries(days: Json): IndicoEntry[] {
  const seen = new Set<string>();
  const tops: IndicoEntry[] = [];
  for (const day of Object.keys(days).sort()) {
    for (const [key, value] of Object.entries(obj(days[day]) ?? {})) {
      const entry = readEntry(value);
      if (!entry || seen.has(entry.id || key)) continue;
      seen.add(entry.id || key);
      tops.push({ ...entry, id: entry.id || key });
    }
  }
  return tops;
}
