// Hole 1 of issue 12: ids and keys named like the members every JavaScript object has are ordinary names.
import { describe, expect, test } from 'vitest';
import { parseProgramJson } from '../../core/program/parse.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import { resolveLive } from '../../core/live/live-screen.ts';
import { reduce } from '../../core/live/reducer.ts';
import { emptyLive, validateLiveState } from '../../core/live/state.ts';
import { stateJson } from '../../core/contract/state.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { parseInstant } from '../../core/time.ts';
import { importIcal } from '../../core/import/ical.ts';
import { ianaZoneFor, windowsZoneToIana } from '../../core/import/windows-zones.ts';
import { actionFromQuery } from '../../core/live/actions.ts';
import { main } from '../../cli/main.ts';
import { resolveConfig } from '../../electron/shell/config.ts';

/** Every name Object.prototype gives a plain object, and `__proto__`. */
export const BUILTIN_NAMES = [...Object.getOwnPropertyNames(Object.prototype)];

const idSafe = BUILTIN_NAMES.filter((n) => /^[A-Za-z0-9]/.test(n));

function programWithRoom(room: string): ProgramInput {
  return {
    formatVersion: 1,
    event: { id: 'e', name: 'Built-ins' },
    timezone: 'Europe/Paris',
    venue: { name: 'Hall' },
    rooms: [
      { id: room, name: `Room ${room}` },
      { id: 'other', name: 'Other' },
    ],
    people: { [room]: { name: 'Person named like a built-in' } },
    items: [
      {
        id: room,
        kind: 'talk',
        title: 'Talk',
        start: '2026-06-29T09:00',
        end: '2026-06-29T10:00',
        room,
        speakers: [room],
      },
      {
        id: 'o1',
        kind: 'talk',
        title: 'Other talk',
        start: '2026-06-29T09:00',
        end: '2026-06-29T10:00',
        room: 'other',
      },
    ],
  };
}
const at = (parseInstant('2026-06-29T09:30', 'Europe/Paris') as { at: number }).at;

describe('a room, item and person named like a built-in', () => {
  test.each(idSafe)('%s: resolves, takes actions and shows its state', (name) => {
    const { program, diagnostics } = parseProgramJson(programWithRoom(name));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const timeline = buildTimeline(program!);
    const empty = resolveLive(timeline, emptyLive(), name, at);
    expect(empty.current.map((i) => i.id)).toEqual([name]);
    expect(empty.current[0]!.speakers.map((p) => p.name)).toEqual(['Person named like a built-in']);
    let live = reduce(timeline, emptyLive(), { type: 'timer.pause', room: name }, at, name);
    live = reduce(timeline, live, { type: 'message.set', room: 'other', to: 'public', text: 'hi' }, at, name);
    const screen = resolveLive(timeline, live, name, at);
    expect(screen.timer?.running).toBe(false);
    expect(screen.messages.public).toBeNull();
    expect(resolveLive(timeline, live, 'other', at).messages.public?.text).toBe('hi');
    // The state survives a trip to disk and back.
    const reread = validateLiveState(JSON.parse(JSON.stringify(live)));
    expect(resolveLive(timeline, reread, name, at).timer?.running).toBe(false);
    const context = {
      seq: live.seq,
      clock: { now: at, serverTime: at, speed: 1, rehearsal: false },
      program: { file: 'p.json', loadedAt: '', warnings: [], warningCount: 0, warningKinds: [], problem: null },
      storeWarning: null,
    };
    expect(stateJson(timeline, screen, context).room).toBe(name);
  });

  test('a live state whose rooms are only built-in names is a state with no room touched', () => {
    const timeline = buildTimeline(parseProgramJson(programWithRoom('valueOf')).program!);
    const live = validateLiveState({ seq: 0, rooms: {} });
    for (const room of ['valueOf', 'other']) expect(resolveLive(timeline, live, room, at).mode).toBe('follow');
  });

  test('an iCalendar LOCATION "Constructor" is an ordinary room', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:test',
      'BEGIN:VEVENT',
      'UID:a@x',
      'DTSTART;TZID=Europe/Paris:20260629T090000',
      'DTEND;TZID=Europe/Paris:20260629T100000',
      'SUMMARY:Talk',
      'LOCATION:Constructor',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = importIcal(ics, { defaultZone: 'Europe/Paris' });
    if (!result.ok) throw new Error(result.error);
    const timeline = buildTimeline(parseProgramJson(result.program).program!);
    const room = [...timeline.rooms.keys()][0]!;
    expect(room).toBe('constructor');
    expect(resolveLive(timeline, emptyLive(), room, at).current.map((i) => i.title)).toEqual(['Talk']);
  });
});

test('a person keyed "__proto__" in a program file is refused as an id, not dropped unseen', () => {
  const text = JSON.stringify(programWithRoom('A')).replace(
    '"people":{"A":',
    '"people":{"__proto__":{"name":"Ada"},"A":',
  );
  const json = JSON.parse(text) as ProgramInput;
  expect(Object.keys(json.people!)).toEqual(['__proto__', 'A']);
  const { program, diagnostics } = parseProgramJson(json);
  expect(program).toBeNull();
  expect(diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual([
    'people.__proto__: expected an id of letters, digits, ".", "_", ":" or "-"',
  ]);
});

describe('a time zone named like a built-in', () => {
  test.each(BUILTIN_NAMES)('%s as a Windows or IANA zone name is no zone', (name) => {
    expect(windowsZoneToIana(name)).toBeNull();
    expect(ianaZoneFor(name)).toBeNull();
    expect(ianaZoneFor(name.toLowerCase())).toBeNull();
  });

  test.each(['constructor', '__proto__'])(
    'an iCalendar file whose zone is "%s" is read in its default zone, with a note',
    (zone) => {
      const ics = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:test',
        `X-WR-TIMEZONE:${zone}`,
        'BEGIN:VEVENT',
        'UID:a@x',
        `DTSTART;TZID=${zone}:20260629T090000`,
        `DTEND;TZID=${zone}:20260629T100000`,
        'SUMMARY:Talk',
        'LOCATION:Room',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');
      const result = importIcal(ics, { defaultZone: 'Europe/Paris' });
      if (!result.ok) throw new Error(result.error);
      expect(result.program.timezone).toBe('Europe/Paris');
      expect(result.notes.map((n) => n.message).join('\n')).toContain(`unknown time zone "${zone}"`);
      expect(result.notes.map((n) => n.message).join('\n')).not.toMatch(/function|native code|\[object/);
      const { program, diagnostics } = parseProgramJson(result.program);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(program!.items![0]!.start).toBe('2026-06-29T09:00');
    },
  );
});

describe('names from the command line and query strings', () => {
  test.each(BUILTIN_NAMES)('the GET action field %s is an unknown field', (field) => {
    const parsed = actionFromQuery(
      'blackout',
      new URLSearchParams([
        ['on', '1'],
        [field, 'x'],
      ]),
    );
    expect(parsed).toEqual({ ok: false, message: `blackout: unknown field ${field}` });
  });

  test.each(BUILTIN_NAMES)('roomcue %s is an unknown command', async (name) => {
    const err: string[] = [];
    const code = await main([name], { out: () => {}, err: (t: string) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('')).toContain(`unknown command "${name}"`);
  });

  test.each(BUILTIN_NAMES)('the kiosk flag --%s is refused as unknown, not thrown', (flag) => {
    const result = resolveConfig({ argv: [`--${flag}=x`], env: {}, fileText: undefined, fileName: 'roomcue.json' });
    expect(result).toEqual({ ok: false, errors: [expect.stringContaining(`unknown option --${flag}`)] });
  });
});
