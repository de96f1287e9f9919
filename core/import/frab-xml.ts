// frab/pretalx schedule.xml: parsed with fast-xml-parser, read leniently into the frab model, mapped by frab-common.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type FrabEvent, type FrabSchedule, mapFrabSchedule, text } from './frab-common.ts';
import { parserReason } from './detect.ts';
import type { ImportOptions, ImportResult } from './types.ts';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Elements that repeat come as an array, a single one as itself: always a list here. */
const all = (value: unknown): unknown[] => (value === undefined || value === null ? [] : [value].flat());
const node = (value: unknown): Node | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : null;
/** The text of an element, with or without attributes; the first one when it repeats. */
const xmlText = (value: unknown): string | null => {
  const first = all(value)[0];
  return text(first) ?? text(node(first)?.['#text']);
};

export function importFrabXml(source: string, options: ImportOptions = {}): ImportResult {
  const xml = source.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return {
      ok: false,
      format: 'frab-xml',
      error: `not valid XML: ${parserReason(msg)} (line ${line}, column ${col})`,
    };
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    return { ok: false, format: 'frab-xml', error: `not valid XML: ${parserReason(err)}` };
  }
  const schedule = node(doc.schedule);
  if (!schedule) {
    return {
      ok: false,
      format: 'frab-xml',
      error: 'not a frab/pretalx schedule.xml: the root element is not <schedule>',
    };
  }
  const conference = node(all(schedule.conference)[0]) ?? {};
  const events: FrabEvent[] = [];
  const days: FrabSchedule['days'] = [];
  all(schedule.day).forEach((rawDay, position) => {
    const day = node(rawDay);
    if (!day) return;
    const index = Number(xmlText(day['@index']) ?? position + 1);
    days.push({ index, date: xmlText(day['@date']), end: xmlText(day['@end']) });
    for (const rawRoom of all(day.room)) {
      const room = node(rawRoom);
      if (!room) continue;
      for (const rawEvent of all(room.event)) {
        const event = node(rawEvent);
        if (!event) continue;
        events.push(readEvent(event, index, xmlText(day['@date']), xmlText(day['@start']), xmlText(room['@name'])));
      }
    }
  });
  const rooms = all(node(conference.rooms)?.room)
    .map((r) => xmlText(node(r)?.['@name']) ?? xmlText(r))
    .filter((r): r is string => r !== null);
  const result: FrabSchedule = {
    title: xmlText(conference.title),
    acronym: xmlText(conference.acronym),
    timeZone: xmlText(conference.time_zone_name),
    venue: xmlText(conference.venue),
    url: xmlText(conference.url),
    baseUrl: xmlText(conference.base_url),
    rooms,
    days,
    dayChange: xmlText(conference.day_change),
    events,
  };
  return mapFrabSchedule(result, 'frab-xml', options);
}

function readEvent(
  e: Node,
  day: number,
  dayDate: string | null,
  dayStart: string | null,
  listedRoom: string | null,
): FrabEvent {
  const persons = all(node(all(e.persons)[0])?.person).map((p) => ({ name: xmlText(p), bio: null }));
  return {
    day,
    dayDate,
    dayStart,
    room: listedRoom ?? xmlText(e.room),
    id: xmlText(e['@id']),
    guid: xmlText(e['@guid']),
    title: xmlText(e.title),
    subtitle: xmlText(e.subtitle),
    date: xmlText(e.date),
    start: xmlText(e.start),
    duration: xmlText(e.duration),
    end: xmlText(e.end),
    type: xmlText(e.type),
    track: xmlText(e.track),
    persons,
    abstract: xmlText(e.abstract),
    description: xmlText(e.description),
    url: xmlText(e.url),
  };
}
