// Hole 6 of issue 12: a time inside the hour that happens twice (clocks go back) is read as the second one, with a
// warning, instead of silently.
import { describe, expect, test } from 'vitest';
import { parseProgramJson } from '../../core/program/parse.ts';
import { isRepeatedLocal, parseLocal } from '../../core/time.ts';
import { tinyProgram } from '../helpers.ts';

describe('isRepeatedLocal', () => {
  test.each([
    { zone: 'Europe/Paris', text: '2026-10-25T02:00', repeated: true },
    { zone: 'Europe/Paris', text: '2026-10-25T02:30', repeated: true },
    { zone: 'Europe/Paris', text: '2026-10-25T02:59', repeated: true },
    { zone: 'Europe/Paris', text: '2026-10-25T01:59', repeated: false },
    { zone: 'Europe/Paris', text: '2026-10-25T03:00', repeated: false },
    { zone: 'Europe/Paris', text: '2026-03-29T02:30', repeated: false }, // skipped, not repeated (an error)
    { zone: 'Europe/Paris', text: '2026-06-29T09:00', repeated: false },
    { zone: 'America/New_York', text: '2026-11-01T01:30', repeated: true },
    { zone: 'Australia/Lord_Howe', text: '2026-04-05T01:45', repeated: true }, // a 30-minute change
    { zone: 'Asia/Kolkata', text: '2026-10-25T02:30', repeated: false },
  ])('$text in $zone: $repeated', ({ zone, text, repeated }) => expect(isRepeatedLocal(text, zone)).toBe(repeated));
});

test('an item starting in the repeated hour gets a warning saying which of the two it is', () => {
  const p = tinyProgram();
  p.sessions = [];
  p.items = [{ id: 'late', kind: 'social', title: 'Night owls', start: '2026-10-25T01:30', end: '2026-10-25T02:30' }];
  const { program, diagnostics } = parseProgramJson(p);
  expect(program).not.toBeNull();
  expect(diagnostics.filter((d) => d.kind === 'repeated-hour')).toEqual([
    {
      severity: 'warning',
      path: 'items[0]',
      kind: 'repeated-hour',
      message:
        'end 2026-10-25 02:30 happens twice in Europe/Paris (clocks go back an hour): it is read as the second one, after the change',
    },
  ]);
  // The second one: 02:30 at UTC+01:00.
  expect(parseLocal('2026-10-25T02:30', 'Europe/Paris')).toEqual({ ok: true, at: Date.parse('2026-10-25T01:30:00Z') });
});

test('west of Greenwich too, a repeated time is read as the later one (01:30 EST, not EDT)', () => {
  expect(parseLocal('2026-11-01T01:30', 'America/New_York')).toEqual({
    ok: true,
    at: Date.parse('2026-11-01T06:30:00Z'),
  });
});
