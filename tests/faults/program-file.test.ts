// The program file deleted, truncated or overwritten with garbage mid-show: the last good program stays on screen.
import { readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StateJson } from '../../core/contract/state.ts';
import { connect, post, programAroundNow, startHarness, type Client, type Harness } from '../server/harness.ts';

let h: Harness;
let screen: Client;
let good: string;
beforeAll(async () => {
  h = await startHarness(programAroundNow());
  good = readFileSync(h.programFile, 'utf8');
  // The control view: the only screen told of a refused file (the doors keep showing the last good program).
  screen = await connect(h, 'room=A&view=control');
});
afterAll(async () => {
  screen.ws.close();
  await h.close();
});

const state = async (): Promise<StateJson> => (await fetch(`${h.url}/api/state`)).json() as Promise<StateJson>;

/** The first state pushed to the screen after the first `seen` ones that matches. */
async function pushedSince(seen: number, predicate: (s: StateJson) => boolean): Promise<StateJson> {
  const states = screen.states as unknown as StateJson[];
  return (await screen.next(
    (s) => states.indexOf(s as unknown as StateJson) >= seen && predicate(s as unknown as StateJson),
  )) as unknown as StateJson;
}

// The exact wording of a refused file belongs to the program reader; what matters here is the file and the outcome.
const KEPT = /program\.json.*; still showing the last good version$/;

const faults = [
  { label: 'deleted', problem: /program file .*program\.json is missing; still showing/, fault: unlinkSync },
  { label: 'truncated to nothing', problem: KEPT, fault: (f: string) => truncateSync(f, 0) },
  {
    label: 'cut halfway through a save',
    problem: KEPT,
    fault: (f: string) => writeFileSync(f, good.slice(0, good.length / 2)),
  },
  {
    label: 'overwritten with binary garbage',
    problem: KEPT,
    fault: (f: string) => writeFileSync(f, Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x7b, 0x22, 0x00, 0x01])),
  },
  { label: 'replaced by JSON that is no program', problem: KEPT, fault: (f: string) => writeFileSync(f, '{"a": 1}') },
  {
    label: 'replaced by a program with an error',
    problem: /error: .*end .* is before start .*; still showing/,
    fault: (f: string) => writeFileSync(f, good.replace(/"end": "[^"]+"/, '"end": "2000-01-01T00:00"')),
  },
];

describe('the program file breaks during the show', () => {
  test.each(faults)(
    '$label: the problem is reported, the show and its actions go on, restoring the file clears it',
    { timeout: 15_000 },
    async ({ fault, problem }) => {
      const before = await state();
      expect(before.program.problem).toBeNull();
      expect(before.current.map((i) => i.id)).toEqual(['talk1']);
      const seq = before.seq;
      const seen = screen.states.length;

      fault(h.programFile);
      try {
        await expect
          .poll(async () => (await state()).program.problem?.summary ?? null, { timeout: 5000 })
          .toMatch(problem);
        // Pushed to the control view too, with the last good program still on.
        const pushed = await pushedSince(seen, (s) => s.program.problem !== null);
        expect(pushed.current.map((i) => i.id)).toEqual(['talk1']);
        const during = await state();
        expect(during.current.map((i) => i.id)).toEqual(['talk1']);
        expect(during.next?.id).toBe('break1');
        expect(during.event.name).toBe('API Test Conf');

        // Actions still apply to the program on screen.
        const acted = await post(h, { type: 'delay.set', minutes: 5 });
        expect(acted.status).toBe(200);
        expect(acted.json).toMatchObject({ seq: seq + 1, delayMinutes: 5 });
        expect((await post(h, { type: 'goto', itemId: 'talk2' })).status).toBe(200);
        expect((await post(h, { type: 'follow' })).status).toBe(200);
      } finally {
        writeFileSync(h.programFile, good);
      }
      await expect.poll(async () => (await state()).program.problem, { timeout: 5000 }).toBeNull();
      const after = await state();
      expect(after.current.map((i) => i.id)).toEqual(['talk1']);
      // The live state survived the reload: the delay set while the file was broken is still there.
      expect(after).toMatchObject({ seq: seq + 3, delayMinutes: 5, mode: 'follow' });
      expect((await post(h, { type: 'delay.set', minutes: 0 })).status).toBe(200);
    },
  );
});
