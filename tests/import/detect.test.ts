// Formats are told apart by what the file says, never by its name.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describeUnknown, detectFormat } from '../../core/import/detect.ts';
import { importProgram } from '../../core/import/index.ts';
import { repoPath } from '../helpers.ts';

const read = (path: string) => readFileSync(repoPath(path), 'utf8');

describe('detectFormat', () => {
  test.each([
    { label: 'our own program', text: () => read('data/dp2e-ai-2026.json'), format: 'roomcue' },
    { label: 'our own program, even with a BOM', text: () => '\uFEFF{ "formatVersion": 1 }', format: 'roomcue' },
    {
      label: 'a pretalx schedule.json',
      text: () => read('tests/fixtures/import/pretalx-democon.json'),
      format: 'frab-json',
    },
    { label: 'a frab schedule.xml', text: () => read('tests/fixtures/import/frab-small.xml'), format: 'frab-xml' },
    { label: 'schedule.xml without a declaration', text: () => '<schedule><day/></schedule>', format: 'frab-xml' },
    {
      label: 'an Indico event export',
      text: () =>
        JSON.stringify({
          count: 1,
          results: [{ title: 'X', startDate: { date: '2026-06-29', time: '09:00:00', tz: 'Europe/Paris' } }],
        }),
      format: 'indico-json',
    },
    {
      label: 'an Indico timetable export (entries nested by day)',
      text: () =>
        JSON.stringify({
          results: { '42': { '20260629': { c1: { startDate: { date: '2026-06-29', time: '09:00:00', tz: 'UTC' } } } } },
        }),
      format: 'indico-json',
    },
    { label: 'iCalendar', text: () => 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', format: 'ical' },
    { label: 'iCalendar after blank lines', text: () => '\n\nbegin:vcalendar\nEND:VCALENDAR', format: 'ical' },
    { label: 'JSON of no known shape', text: () => '{ "hello": "world" }', format: null },
    { label: 'JSON with "results" but no Indico entries', text: () => '{ "results": [1, 2] }', format: null },
    { label: 'other XML', text: () => '<?xml version="1.0"?><calendar/>', format: null },
    { label: 'broken JSON', text: () => '{ "formatVersion": 1,', format: null },
    { label: 'plain text', text: () => 'Day 1: talks', format: null },
    { label: 'an empty file', text: () => '', format: null },
  ])('$label → $format', ({ text, format }) => {
    expect(detectFormat(text())).toBe(format);
  });
});

describe('what a user is told about a file in no known format', () => {
  test.each([
    { label: 'empty', text: '   \n', message: /^the file is empty: expected a Roomcue program/ },
    { label: 'broken JSON', text: '{ "a": ', message: /^not valid JSON: / },
    {
      label: 'JSON cut short (a truncated download): where',
      text: '{\n  "schedule": {\n    "conference": {"title": "DemoC',
      message: /^not valid JSON: .+ \(line 3, column \d+\)$/,
    },
    {
      label: 'JSON with a stray character: where',
      text: '{\n  "schedule": {\n    "conference": x\n  }\n}',
      message: /^not valid JSON: .+ \(line 3, column 19\)$/,
    },
    {
      label: 'JSON after blank lines and a byte-order mark: where, in the file as an editor shows it',
      text: '\uFEFF\n\n  {\n  "schedule": {\n    "conference": x\n  }\n}',
      message: /^not valid JSON: .+ \(line 5, column 19\)$/,
    },
    { label: 'unknown JSON', text: '{ "a": 1 }', message: /^JSON in no format Roomcue knows: expected/ },
    { label: 'XML garbage', text: '<schedule><day></schedule', message: /^not valid XML: .*line 1/ },
    { label: 'other XML', text: '<rss/>', message: /^XML whose root element is <rss>, not <schedule>/ },
    { label: 'plain text', text: 'hello', message: /^not JSON, XML or iCalendar: expected/ },
  ])('$label', ({ text, message }) => {
    expect(describeUnknown(text)).toMatch(message);
    const result = importProgram(text);
    expect(result).toMatchObject({ ok: false });
  });
});
