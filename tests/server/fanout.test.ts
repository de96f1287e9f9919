// Pushing state to many screens: the program's warnings reach the control view only, summarised, and every screen of a
// room gets the same state as a text message.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { WARNINGS_SHOWN } from '../../server/show.ts';
import { tinyProgram } from '../helpers.ts';
import { connect, post, startHarness, type Client, type Harness } from './harness.ts';

/** The tiny program plus `n` talks in room A all from 09:00 to 09:20: n overlap warnings, and a TBA speaker. */
function crowdedProgram(n: number) {
  const p = tinyProgram();
  for (let k = 0; k < n; k++) {
    p.items!.push({
      id: `x${k}`,
      kind: 'talk',
      title: `Crowd ${k}`,
      start: '2026-06-29T09:00',
      end: '2026-06-29T09:20',
      speakers: k === 0 ? ['TBA'] : [],
    });
  }
  return p;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness(crowdedProgram(40), { at: '2026-06-29T09:05' });
});
afterAll(() => h.close());

type ProgramStatus = {
  file: string | null;
  warnings: string[];
  warningCount: number;
  warningKinds: { kind: string; count: number }[];
  problem: { summary: string } | null;
};
const programOf = (state: Record<string, unknown>) => state.program as ProgramStatus;

/** A control, a door, a chair and a door preview connected, then an action: the state each gets for it. */
async function eachViewAfter(text: string) {
  const clients: Client[] = [];
  for (const view of ['control', 'signage', 'chair', 'signage-preview']) clients.push(await connect(h, `view=${view}`));
  const { json } = await post(h, { type: 'message.set', to: 'public', text });
  const seq = json.seq as number;
  const states = await Promise.all(clients.map((client) => client.next((st) => st.seq === seq)));
  return { clients, states };
}

describe('program warnings', () => {
  test('the control view gets a count per kind and the first few lines; other views get none', async () => {
    const { clients, states } = await eachViewAfter('Hello');
    const [control, signage] = clients;
    const [c, s, ch, pv] = states;
    // 40 crowd talks and "First" (09:00–09:30) all overlap: one warning for each but the first to start.
    expect(programOf(c!).warningCount).toBe(41);
    expect(programOf(c!).warningKinds).toEqual([
      { kind: 'tba', count: 1 },
      { kind: 'overlap', count: 40 },
    ]);
    expect(programOf(c!).warnings).toHaveLength(WARNINGS_SHOWN);
    expect(programOf(c!).warnings[1]).toMatch(
      /: items\[2\]: "Crowd 1" overlaps "Crowd 0" \(items\[1\]\) in room A from 09:00 to 09:20$/,
    );
    for (const st of [s, ch, pv]) {
      expect(programOf(st!)).toMatchObject({ warnings: [], warningCount: 0, warningKinds: [] });
    }
    // The first state on connecting follows the same rule.
    expect(programOf(signage!.states[0]!).warningCount).toBe(0);
    expect(programOf(control!.states[0]!).warningCount).toBe(41);
    for (const client of clients) client.ws.close();
  });
});

describe('what each view is sent', () => {
  test("the day's and the event's lists go to the control view only: the door and the chair never read them", async () => {
    const { clients, states } = await eachViewAfter('Lists');
    const [c, s, ch, pv] = states;
    const ids = (items: unknown) => (items as { id: string }[]).map((i) => i.id);
    // Room A's day: "First", "Second", the coffee break and the 40 crowd talks.
    expect(ids(c!.day)).toHaveLength(43);
    expect(ids(c!.day)).toContain('x39');
    expect((c!.days as unknown[]).length).toBe(1);
    for (const st of [s, ch, pv]) {
      expect(st!.day).toEqual([]);
      expect(st!.days).toEqual([]);
      // What a door shows of the day comes with the state all the same: on now, next and later.
      expect(ids(st!.later)).toEqual(ids(c!.later));
      expect(ids(st!.current)).toEqual(ids(c!.current));
    }
    for (const client of clients) client.ws.close();
  });
});

describe("the server's files stay on the server", () => {
  test("the program file's path and a refused reload's errors reach the control view only", async () => {
    const { clients, states } = await eachViewAfter('Paths');
    const [c, s, ch, pv] = states;
    expect(c!.program).toMatchObject({ file: h.programFile, problem: null });
    for (const st of [s, ch, pv]) expect(st!.program).toMatchObject({ file: null, problem: null });
    for (const client of clients) client.ws.close();

    const good = readFileSync(h.programFile, 'utf8');
    const control = await connect(h, 'view=control');
    const door = await connect(h, 'view=signage');
    writeFileSync(h.programFile, '{"formatVersion": ');
    try {
      const refused = await control.next((st) => programOf(st).problem !== null, 5000);
      expect(programOf(refused).problem!.summary).toContain(h.programFile);
      // The door got the same push before the next action's (one socket keeps its order): told nothing of the file.
      const { json } = await post(h, { type: 'message.set', to: 'public', text: 'After the refusal' });
      await door.next((st) => st.seq === json.seq);
      expect(door.states.length).toBeGreaterThan(2);
      for (const st of door.states) {
        expect(st.program).toMatchObject({ file: null, problem: null });
        expect(JSON.stringify(st)).not.toContain(h.dir);
      }
    } finally {
      writeFileSync(h.programFile, good);
      await control.next((st) => programOf(st).problem === null, 5000);
      control.ws.close();
      door.ws.close();
    }
  });
});

describe('one message for a room', () => {
  test('every signage screen of the room receives the same text frame', async () => {
    const frames: { data: string; binary: boolean }[][] = [];
    const sockets = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        frames[i] = [];
        const ws = new WebSocket(`${h.url.replace('http', 'ws')}/ws?view=signage`);
        ws.on('message', (data, binary) => frames[i]!.push({ data: String(data), binary }));
        await new Promise((resolve) => ws.once('open', resolve));
        return ws;
      }),
    );
    const { json } = await post(h, { type: 'message.set', to: 'public', text: 'Same for all' });
    const seq = json.seq as number;
    const pushed = (i: number) =>
      frames[i]!.find((f) => (JSON.parse(f.data) as { state: { seq: number } }).state.seq === seq);
    await expect.poll(() => frames.every((_, i) => pushed(i) !== undefined)).toBe(true);
    for (let i = 0; i < frames.length; i++) {
      expect(pushed(i)!.binary).toBe(false);
      expect(pushed(i)!.data).toBe(pushed(0)!.data);
    }
    for (const ws of sockets) ws.close();
  });
});
