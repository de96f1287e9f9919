// Hole 6 of issue 12: a state file with values no action can produce is set aside with a warning, like a corrupt one.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { LIVE_STATE_FORMAT, validateLiveState, type LiveState } from '../../core/live/state.ts';
import { StateStore } from '../../server/store/state-store.ts';

const room = {
  mode: 'follow',
  manualItemId: null,
  timer: null,
  delay: null,
  messages: { speaker: null, public: null },
  blackout: false,
};
const at = Date.parse('2026-06-29T09:00:00+02:00');

test.each([
  { label: 'a delay of 1e12 minutes', change: { delay: { minutes: 1e12, from: at, day: '2026-06-29' } } },
  { label: 'a negative delay', change: { delay: { minutes: -5, from: at, day: '2026-06-29' } } },
  {
    label: 'a timer started in the year 50000',
    change: {
      timer: { itemId: 't1', startedAt: 1.5e15, pausedAt: null, pausedMs: 0, addedMs: 0, movesDay: true },
    },
  },
  {
    label: 'a timer paused for a negative time',
    change: { timer: { itemId: 't1', startedAt: at, pausedAt: null, pausedMs: -1, addedMs: 0, movesDay: true } },
  },
  {
    label: 'a 10,000-character message',
    change: { messages: { speaker: null, public: { text: 'x'.repeat(10_000), setAt: at, until: null } } },
  },
])('$label is set aside with a warning naming the field', ({ change }) => {
  const dir = mkdtempSync(join(tmpdir(), 'roomcue-ranges-'));
  const file = join(dir, 'show.state.json');
  writeFileSync(
    file,
    JSON.stringify({ formatVersion: LIVE_STATE_FORMAT, state: { seq: 3, rooms: { A: { ...room, ...change } } } }),
  );
  const store = new StateStore<LiveState>({ file, formatVersion: LIVE_STATE_FORMAT, validate: validateLiveState });
  const loaded = store.load();
  expect(loaded.state).toBeNull();
  expect(loaded.warning).toMatch(/^show state file .* was unreadable \(invalid show state: rooms\.A\./);
  expect(readdirSync(dir).some((f) => f.startsWith('show.state.json.corrupt-'))).toBe(true);
});

test('an ordinary state still loads', () => {
  const state = validateLiveState({
    seq: 2,
    rooms: { A: { ...room, delay: { minutes: 10, from: at, day: '2026-06-29' } } },
  });
  expect(state.rooms.A!.delay!.minutes).toBe(10);
});
