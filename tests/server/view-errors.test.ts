// Reports of views that failed to render: one printable line each in the server log, rate-limited, junk refused.
import { expect, test } from 'vitest';
import { ViewErrorLog } from '../../server/view-errors.ts';

function log(perMinute = 3) {
  const lines: string[] = [];
  const clock = { t: 0 };
  return {
    lines,
    clock,
    log: new ViewErrorLog(
      (l) => lines.push(l),
      perMinute,
      () => clock.t,
    ),
  };
}

test('a report is one line naming the view, the address, the part and the message, control characters removed', () => {
  const { lines, log: l } = log();
  const outcome = l.record({ view: 'signage', part: 'now card t1', message: 'bad\n\u001b[31mthing' }, '10.0.0.5');
  expect(outcome).toEqual({ status: 204 });
  expect(lines).toEqual(['roomcue: the signage view at 10.0.0.5 could not show now card t1: bad [31mthing']);
});

test.each([
  null,
  'text',
  { view: 'x' },
  { view: 'x', part: 'y', message: 'z', extra: 1 },
  { view: 'x'.repeat(41), part: '', message: '' },
])('junk %j is refused with 400 and not logged', (body) => {
  const { lines, log: l } = log();
  expect(l.record(body, 'a').status).toBe(400);
  expect(lines).toEqual([]);
});

test('beyond the limit per minute reports are dropped with 429, then accepted again a minute later', () => {
  const { lines, clock, log: l } = log(3);
  const report = { view: 'signage', part: 'p', message: 'm' };
  expect([1, 2, 3, 4, 5].map(() => l.record(report, 'a').status)).toEqual([204, 204, 204, 429, 429]);
  clock.t += 60_000;
  expect(l.record(report, 'a').status).toBe(204);
  expect(lines).toHaveLength(4);
});
