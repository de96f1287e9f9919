// The disk refusing the state write (ENOSPC) mid-show: actions still apply, control is warned, and it clears.
import fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { connect, post, programAroundNow, startHarness, type Harness } from '../server/harness.ts';

let h: Harness | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
  h = null;
});

/** From now on, writing the state (its journal or temp file) fails as on a full disk; every other write goes through. */
function fillTheDisk(stateFile: string): { refused: () => number } {
  const ours = new Set<number>();
  let refused = 0;
  const open = fs.openSync;
  const write = fs.writeFileSync;
  vi.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
    const fd = open(...args);
    if (String(args[0]).startsWith(`${stateFile}.`)) ours.add(fd);
    return fd;
  });
  vi.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
    if (typeof args[0] === 'number' && ours.has(args[0])) {
      ours.delete(args[0]);
      refused++;
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        errno: -28,
        syscall: 'write',
      });
    }
    return write(...args);
  });
  return { refused: () => refused };
}

/** The state on disk: the journal's last whole line (it is newer than the file when there is one), else the file. */
function saved(file: string): { seq: number } {
  const journal = fs.existsSync(`${file}.journal`) ? fs.readFileSync(`${file}.journal`, 'utf8') : '';
  const lines = journal.split('\n').slice(0, -1);
  const text = lines.length > 0 ? lines.at(-1)! : fs.readFileSync(file, 'utf8');
  return (JSON.parse(text).state as { live: { seq: number } }).live;
}
const leftovers = (h: Harness) => fs.readdirSync(h.stateDir).filter((f) => f.endsWith('.tmp'));

describe('the disk is full when the show state is saved', () => {
  test('the action applies (200), storeWarning says ENOSPC, the last good file stays; once writes work it clears', async () => {
    h = await startHarness(programAroundNow());
    const file = join(h.stateDir, 'apitest.state.json');
    const control = await connect(h, 'room=A&view=control');
    expect((await post(h, { type: 'delay.set', minutes: 4 })).status).toBe(200);
    expect(saved(file).seq).toBe(1);

    const disk = fillTheDisk(file);
    const r = await post(h, { type: 'timer.add', seconds: 60 });
    expect(r.status).toBe(200);
    const state = r.json as unknown as StateJson;
    expect(state.seq).toBe(2);
    expect(state.timer).toMatchObject({ itemId: 'talk1', source: 'timer' });
    expect(state.storeWarning).toBe(`cannot save show state to ${file}: no space left on device (ENOSPC)`);
    expect(disk.refused()).toBe(1);
    // The failed save leaves the previous state whole on disk and no temp file behind.
    expect(saved(file).seq).toBe(1);
    expect(leftovers(h)).toEqual([]);
    // The control view is told with the pushed state, and reads see it too.
    await control.next((s) => s.seq === 2 && typeof s.storeWarning === 'string' && /ENOSPC/.test(s.storeWarning));
    expect(((await (await fetch(`${h.url}/api/state`)).json()) as StateJson).storeWarning).toMatch(
      /no space left on device/,
    );

    // Still full: the show goes on from memory, action after action.
    for (const minutes of [6, 8]) {
      const again = await post(h, { type: 'delay.set', minutes });
      expect(again.status).toBe(200);
      expect(again.json).toMatchObject({ delayMinutes: minutes });
      expect(again.json.storeWarning).toMatch(/ENOSPC/);
    }
    expect(disk.refused()).toBe(3);

    vi.restoreAllMocks(); // space is freed
    const ok = await post(h, { type: 'delay.set', minutes: 9 });
    expect(ok.status).toBe(200);
    expect(ok.json.storeWarning).toBeNull();
    await control.next((s) => s.seq === 5 && s.storeWarning === null);
    expect(saved(file).seq).toBe(5);
    control.ws.close();

    // What the disk holds is the whole show: a restart comes back with every action, the refused ones included.
    await h.restart();
    const back = (await (await fetch(`${h.url}/api/state`)).json()) as StateJson;
    expect(back).toMatchObject({ seq: 5, delayMinutes: 9, storeWarning: null });
    expect(back.timer).toMatchObject({ itemId: 'talk1', source: 'timer' });
  });
});
