// A zone as people read it: IANA's fixed-offset ids reverse the sign ("Etc/GMT-1" is an hour AHEAD of UTC), so a
// screen, report or terminal that printed the id told an imported event's staff the wrong side of Greenwich.
import { expect, test } from 'vitest';
import { zoneLabel } from '../../core/time.ts';

test.each([
  ['Etc/GMT-1', 'UTC+01:00'],
  ['Etc/GMT+5', 'UTC−05:00'],
  ['Etc/GMT-14', 'UTC+14:00'],
  ['Etc/GMT', 'UTC'],
  ['Etc/UTC', 'UTC'],
  ['UTC', 'UTC'],
  ['Europe/Paris', 'Europe/Paris'],
  ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
])('%s reads %s', (zone, label) => {
  expect(zoneLabel(zone)).toBe(label);
});
