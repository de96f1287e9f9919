// Property tests of the importers: any text gives a program or a clear refusal, never a crash.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { FORMAT_NAMES, importProgram } from '../../core/import/index.ts';
import { IMPORT_FORMATS } from '../../core/import/types.ts';
import { parseProgramJson } from '../../core/program/parse.ts';
import { repoPath } from '../helpers.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { resolveLive } from '../../core/live/live-screen.ts';
import { emptyLive } from '../../core/live/state.ts';
import { BUILTIN_NAMES, dateTimeText, FUZZ_TIMEOUT_MS, mutate, mutation, pathsOf, runs } from './arbitraries.ts';

vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS });

const FIXTURE_DIR = repoPath('tests/fixtures/import');
const FIXTURES = readdirSync(FIXTURE_DIR).map((f) => join(FIXTURE_DIR, f));

/**
 * Importers refuse by returning `{ ok: false, error }` with a sentence; whatever one throws, index.ts catches and
 * words "the <format> could not be imported: <message>". That is a crash in an importer, whatever the message.
 */
const CRASH = new RegExp(
  `^the (${Object.values(FORMAT_NAMES)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')}) could not be imported: `,
);

const JS_ERROR = /Cannot read propert|Cannot convert|is not a function|is not iterable|is not defined|call stack/;

/** Where importers take room, people, id and time zone names from. */
const NAME_KEYS =
  /^(room|rooms|name|public_name|full_name|fullName|roomFullname|room_fullname|location|id|guid|slug|code|timezone|time_zone|tz)$/;

const SEMANTIC_KEYS =
  /^(start|end|date|duration|day_start|day_end|timezone|time_zone|room|rooms|days|index|guid|id|slug|title|type|persons|startDate|endDate|tz)$/;

/** A copy of `value` with `path` set to `v`. */
function setAt(value: unknown, path: (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const [key, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[key!] = setAt(copy[key!], rest, v);
  return copy;
}

describe('importProgram', () => {
  test('the fixtures are there to mutate, and a crash is told from a refusal', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(10);
    expect(CRASH.test('the iCalendar file could not be imported: x is not a function')).toBe(true);
    expect(CRASH.test('not a valid iCalendar file: unexpected end')).toBe(false);
  });

  /** The contract: never throws; ok with a format and an object, or a format-or-null and a sentence. */
  async function expectClearResult(text: string): Promise<void> {
    const result = await importProgram(text, { sourceName: 'fuzz', defaultZone: 'Europe/Paris' });
    if (result.ok) {
      expect(IMPORT_FORMATS).toContain(result.format);
      expect(typeof result.program).toBe('object');
      // What an importer makes goes through the ordinary parser, which must not throw on it either.
      parseProgramJson(result.program);
      for (const note of result.notes) expect(note.message.trim()).not.toBe('');
      // A name looked up in an object of known names must not find Object.prototype's members ("function Object()").
      const zone = (result.program as { timezone?: unknown }).timezone;
      if (zone !== undefined) expect(typeof zone).toBe('string');
      for (const note of result.notes) expect(note.message).not.toMatch(/\[native code\]|\[object Object\]/);
    } else {
      expect(result.format === null || IMPORT_FORMATS.includes(result.format)).toBe(true);
      expect(typeof result.error).toBe('string');
      expect(result.error.trim()).not.toBe('');
      // An importer that threw (caught by index.ts) crashed, whatever its message said.
      expect(result.error).not.toMatch(CRASH);
      // A parser library's own TypeError behind a clear sentence ("not a valid iCalendar file: …") is tolerated.
      if (JS_ERROR.test(result.error)) expect(result.error).toMatch(/^not a valid iCalendar file: /);
    }
  }

  test('arbitrary text never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300, unit: 'binary' }), fc.json({ maxDepth: 3 })),
        expectClearResult,
      ),
      { numRuns: runs(200) },
    );
  });

  test('text that starts like each format never throws', async () => {
    const heads = [
      '{"schedule":{"conference":{"days":[{"rooms":{"Saal 1":[{"start":"25:99"}]}}]}}}',
      '<?xml version="1.0"?><schedule><conference><title>x</title></conference><day index="1">',
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20260629T250000\r\n',
      '{"results":[{"contributions":[{"startDate":{}}]}]}',
      '{"formatVersion":1,"event":{}}',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...heads), fc.string({ maxLength: 80 }), (head, tail) =>
        expectClearResult(head + tail),
      ),
      { numRuns: runs(200) },
    );
  });

  test.each(FIXTURES.map((file) => ({ file, name: basename(file) })))(
    '$name cut, spliced or mutated never throws',
    async ({ file }) => {
      const text = readFileSync(file, 'utf8');
      let json: unknown = undefined;
      try {
        json = JSON.parse(text);
      } catch {
        // XML or iCalendar: text mutations only
      }
      const textEdit = fc
        .tuple(fc.nat(text.length), fc.nat(200), fc.string({ maxLength: 20 }))
        .map(([at, remove, insert]) => text.slice(0, at) + insert + text.slice(at + remove));
      const jsonEdit =
        json === undefined
          ? textEdit
          : fc.array(mutation, { minLength: 1, maxLength: 4 }).map((m) => JSON.stringify(mutate(json, m)) ?? 'null');
      // Random places are mostly harmless leaves: also aim at the fields an importer reads times and places from.
      const keyed = json === undefined ? [] : pathsOf(json).filter((p) => SEMANTIC_KEYS.test(String(p[p.length - 1])));
      const keyedEdit =
        keyed.length === 0
          ? textEdit
          : fc
              .array(fc.tuple(fc.constantFrom(...keyed), fc.oneof(dateTimeText, fc.jsonValue({ maxDepth: 1 }))), {
                minLength: 1,
                maxLength: 3,
              })
              .map((edits) => JSON.stringify(edits.reduce<unknown>((value, [path, v]) => setAt(value, path, v), json)));
      await fc.assert(fc.asyncProperty(fc.oneof(textEdit, jsonEdit, keyedEdit), expectClearResult), {
        numRuns: runs(40),
      });
    },
  );

  test.each(FIXTURES.map((file) => ({ file, name: basename(file) })))(
    '$name with rooms, people and ids named like built-ins imports to a program every room of which resolves',
    async ({ file }) => {
      const text = readFileSync(file, 'utf8');
      let json: unknown = undefined;
      try {
        json = JSON.parse(text);
      } catch {
        // XML or iCalendar: replace the text of the fields that name things
      }
      const named = json === undefined ? [] : pathsOf(json).filter((p) => NAME_KEYS.test(String(p[p.length - 1])));
      const renamed =
        json === undefined
          ? fc.array(fc.constantFrom(...BUILTIN_NAMES), { minLength: 1, maxLength: 6 }).map((names) =>
              names.reduce(
                (t, name, i) =>
                  t
                    .replace(
                      /^(LOCATION|SUMMARY|UID|ORGANIZER;CN=[^:]*|X-WR-TIMEZONE|TZID)(:.*)$/gm,
                      (line, key: string) => (i % 2 ? `${key}:${name}` : line),
                    )
                    .replace(/;TZID=[^:;]*/g, (param) => (i % 3 === 0 ? `;TZID=${name}` : param))
                    .replace(
                      /<(room|person)([^>]*)>[^<]*<\/\1>/g,
                      (_, tag: string, attrs: string) => `<${tag}${attrs}>${name}</${tag}>`,
                    ),
                text,
              ),
            )
          : fc
              .array(fc.tuple(fc.constantFrom(...(named.length ? named : [[]])), fc.constantFrom(...BUILTIN_NAMES)), {
                minLength: 1,
                maxLength: 6,
              })
              .map((edits) => JSON.stringify(edits.reduce<unknown>((value, [path, v]) => setAt(value, path, v), json)));
      await fc.assert(
        fc.asyncProperty(renamed, async (edited) => {
          await expectClearResult(edited);
          const result = await importProgram(edited, { sourceName: 'fuzz', defaultZone: 'Europe/Paris' });
          if (!result.ok) return;
          const { program } = parseProgramJson(result.program);
          if (!program) return;
          const timeline = buildTimeline(program);
          const at = timeline.items[0]?.start ?? 0;
          for (const room of timeline.rooms.keys()) resolveLive(timeline, emptyLive(), room, at);
        }),
        { numRuns: runs(10) },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
