// Undo/redo over the API: labels in the state, 409 with nothing to undo, the history survives a restart, and a
// state file saved before the history existed (format 1) is read, not set aside. Also `serve --overtime`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { overtimeOption } from '../../cli/serve.ts';
import { CliError } from '../../cli/io.ts';
import type { StateJson } from '../../core/contract/state.ts';
import { post, programAroundNow, startHarness, type Harness } from './harness.ts';

let harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.map((h) => h.close()));
  harnesses = [];
});
const start = async (...args: Parameters<typeof startHarness>) => {
  const h = await startHarness(...args);
  harnesses.push(h);
  return h;
};
const state = async (h: Harness) => (await (await fetch(`${h.url}/api/state`)).json()) as StateJson;

describe('undo and redo over the API', () => {
  test('POST {"type":"undo"} undoes the last action, the state names it, and it survives a restart', async () => {
    const h = await start(programAroundNow());
    expect((await post(h, { type: 'delay.set', minutes: 7 })).status).toBe(200);
    const added = await post(h, { type: 'timer.add', seconds: 300 });
    const talk = (added.json as unknown as StateJson).stage.itemId;
    expect(talk).toBe('talk1');
    expect((added.json as unknown as StateJson).history).toEqual({
      undo: '+5 min on First talk',
      redo: null,
    });

    const undone = (await post(h, { type: 'undo' })).json as unknown as StateJson;
    expect(undone.history).toEqual({ undo: 'Running 7 min late', redo: '+5 min on First talk' });
    expect(undone.timer!.source).toBe('schedule');

    await h.restart();
    const after = await state(h);
    expect(after.history).toEqual({ undo: 'Running 7 min late', redo: '+5 min on First talk' });
    const redone = (await post(h, { type: 'redo' })).json as unknown as StateJson;
    expect(redone.timer!.source).toBe('timer');
    expect(redone.delayMinutes).toBeGreaterThanOrEqual(7);
  });

  test('nothing to undo is a 409 naming the room; the GET form works for buttons', async () => {
    const h = await start(programAroundNow());
    const r = await post(h, { type: 'undo' });
    expect(r.status).toBe(409);
    expect(r.json.error).toBe('nothing to undo in room A');
    await post(h, { type: 'blackout', on: true });
    const g = await fetch(`${h.url}/api/actions/undo?pin=${h.pin}`);
    expect(g.status).toBe(200);
    expect(((await (await fetch(`${h.url}/api/state`)).json()) as StateJson).blackout).toBe(false);
  });

  test('a state saved in format 1 (before the history) is read with an empty history', async () => {
    const program = programAroundNow();
    const h = await start(program);
    await post(h, { type: 'blackout', on: true });
    const file = join(h.stateDir, `${program.event.id}.state.json`);
    // The action's save is the journal's last line (see server/store/state-store.ts).
    const lines = readFileSync(`${file}.journal`, 'utf8').trimEnd().split('\n');
    const saved = JSON.parse(lines.at(-1)!) as { state: { live: unknown } };
    await h.close();
    harnesses = [];
    // What an older version left: only the file, in format 1.
    rmSync(`${file}.journal`);
    mkdirSync(h.stateDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ formatVersion: 1, savedAt: 'x', state: saved.state.live }));
    const again = await start(program, { dir: h.dir });
    const s = await state(again);
    expect(s.blackout).toBe(true);
    expect(s.storeWarning).toBeNull();
    expect(s.history).toEqual({ undo: null, redo: null });
  });
});

describe('serve --overtime', () => {
  test.each([
    [undefined, undefined, null],
    ['clock', undefined, { policy: 'clock', limitMinutes: 15 }],
    [undefined, '5', { policy: 'hold', limitMinutes: 5 }],
    ['always', '240', { policy: 'always', limitMinutes: 240 }],
  ])('--overtime %s --overtime-limit %s', (policy, limit, expected) => {
    expect(overtimeOption(policy, limit)).toEqual(expected);
  });

  test.each([
    ['later', undefined, '--overtime must be one of hold, clock, always, got "later"'],
    [undefined, '0', '--overtime-limit must be a whole number of minutes from 1 to 240, got "0"'],
    [undefined, '1.5', '--overtime-limit must be a whole number of minutes from 1 to 240, got "1.5"'],
  ])('--overtime %s --overtime-limit %s is refused', (policy, limit, message) => {
    expect(() => overtimeOption(policy, limit)).toThrow(new CliError(message, 2));
  });
});
