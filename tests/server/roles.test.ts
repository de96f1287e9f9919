// Roles: a chair PIN drives the timer and the speaker messages of its room, and nothing else; the AV PIN does all.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runServe } from '../../cli/serve.ts';
import type { StateJson } from '../../core/contract/state.ts';
import type { LogEntry } from '../../core/report/log-entry.ts';
import { post, programAroundNow, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness(programAroundNow(), { pin: '246810', chairPins: [{ pin: 'chairA1', room: 'A' }] });
});
afterEach(() => h.close());

const chair = { Authorization: 'Bearer chairA1', 'X-Roomcue-Who': 'Chair A' };
const asChair = (body: unknown) => post(h, body, chair);

describe('a chair PIN', () => {
  test('drives the timer and the speaker messages of its room: every key of the chair view', async () => {
    for (const body of [
      { type: 'timer.pause', room: 'A' },
      { type: 'timer.resume', room: 'A' },
      { type: 'timer.add', room: 'A', seconds: 60 },
      { type: 'message.set', room: 'A', to: 'speaker', text: '5 minutes' },
      { type: 'message.ack', room: 'A' },
      { type: 'message.clear', room: 'A', to: 'speaker' },
      { type: 'item.end', room: 'A' },
      { type: 'item.previous', room: 'A' },
      // The chair view's C key: the clock again.
      { type: 'follow', room: 'A' },
      { type: 'undo', room: 'A' },
    ]) {
      const r = await asChair(body);
      expect([body.type, r.status, r.json.error]).toEqual([body.type, 200, undefined]);
    }
  });

  test('anything else, or another room, is 403 naming why; the refusal is logged; the AV PIN does it', async () => {
    const cases: [object, RegExp][] = [
      [{ type: 'delay.set', room: 'A', minutes: 5 }, /delay\.set needs the AV PIN: a chair PIN drives the timer/],
      [{ type: 'message.set', room: 'A', to: 'public', text: 'Hello' }, /message to the public needs the AV PIN/],
      [{ type: 'message.clear', room: 'A' }, /message to the public needs the AV PIN/],
      [{ type: 'program.item.update', itemId: 'talk2', set: { title: 'X' } }, /program\.item\.update needs the AV PIN/],
      [{ type: 'blackout', room: 'A', on: true }, /blackout needs the AV PIN/],
      [{ type: 'timer.add', room: 'B', seconds: 60 }, /this chair PIN is for room A, not B/],
    ];
    for (const [body, message] of cases) {
      const r = await asChair(body);
      expect([r.status, r.json.error]).toEqual([403, expect.stringMatching(message)]);
    }
    // Companion's GET form too.
    const get = await fetch(`${h.url}/api/actions/delay.set?minutes=5&room=A&pin=chairA1`);
    expect(get.status).toBe(403);
    const log = (await (
      await fetch(`${h.url}/api/log?limit=20`, { headers: { Authorization: 'Bearer 246810' } })
    ).json()) as { entries: LogEntry[] };
    expect(log.entries.find((e) => e.kind === 'refused' && e.type === 'blackout')).toMatchObject({
      who: 'Chair A (127.0.0.1), chair PIN',
      reason: expect.stringMatching(/blackout needs the AV PIN/),
    });
    for (const [body] of cases) expect((await post(h, body)).status).toBe(200);
  });

  test('undo and redo only of the timer and speaker steps; the log, the chair PIN itself are the AV desk’s', async () => {
    expect((await post(h, { type: 'delay.set', room: 'A', minutes: 5 })).status).toBe(200);
    const undo = await asChair({ type: 'undo', room: 'A' });
    expect([undo.status, undo.json.error]).toEqual([
      403,
      expect.stringMatching(/undo “Running 5 min late” needs the AV PIN/),
    ]);
    expect((await asChair({ type: 'timer.add', room: 'A', seconds: 120 })).status).toBe(200);
    expect((await asChair({ type: 'undo', room: 'A' })).status).toBe(200);
    expect((await asChair({ type: 'redo', room: 'A' })).status).toBe(200);

    expect((await fetch(`${h.url}/api/log`, { headers: chair })).status).toBe(403);
    const link = await fetch(`${h.url}/api/chair-pin?room=A`, { headers: chair });
    expect(link.status).toBe(403);
    const av = await fetch(`${h.url}/api/chair-pin?room=A`, { headers: { Authorization: 'Bearer 246810' } });
    expect(await av.json()).toEqual({ pin: 'chairA1', roles: true });
    const b = await fetch(`${h.url}/api/chair-pin?room=B`, { headers: { Authorization: 'Bearer 246810' } });
    expect(await b.json()).toEqual({ pin: null, roles: true });
    const auth = await fetch(`${h.url}/api/auth`, { method: 'POST', headers: chair });
    expect(await auth.json()).toEqual({ ok: true, role: 'chair', room: 'A' });
  });
});

describe("an action's answer", () => {
  // The answer is the room's new state as the one who acted sees it: the day lists (most of a control state, which
  // no client of an action reads: the views take their state from the WebSocket) stay with GET /api/state and the
  // control view's socket; a chair PIN gets the chair's state, with its notes and not the AV desk's.
  test('carries the state without the day lists; GET /api/state still has them', async () => {
    const r = await post(h, { type: 'timer.add', room: 'A', seconds: 60 });
    expect(r.status).toBe(200);
    const full = (await (await fetch(`${h.url}/api/state?room=A`)).json()) as StateJson;
    expect(full.day.map((i) => i.id)).toEqual(['talk1', 'break1', 'talk2']);
    expect(full.days.length).toBe(1);
    const answer = r.json as unknown as StateJson;
    expect([answer.seq, answer.current.map((i) => i.id), answer.day, answer.days]).toEqual([
      full.seq,
      ['talk1'],
      [],
      [],
    ]);
    expect(answer.program.warningCount).toBe(full.program.warningCount);
  });

  test("with a chair PIN it is the chair's state: the chair's note, not the AV note", async () => {
    const noted = await post(h, {
      type: 'program.item.note',
      itemId: 'talk1',
      av: 'Mic 2 is dead',
      chair: 'Slides on USB',
    });
    expect(noted.status).toBe(200);
    expect((noted.json as unknown as StateJson).notes).toEqual([
      { itemId: 'talk1', av: 'Mic 2 is dead', chair: 'Slides on USB' },
    ]);
    const r = await asChair({ type: 'timer.add', room: 'A', seconds: 60 });
    expect(r.status).toBe(200);
    const answer = r.json as unknown as StateJson;
    expect(answer.notes).toEqual([{ itemId: 'talk1', av: null, chair: 'Slides on USB' }]);
    expect(answer.edits).toBeUndefined();
  });
});

describe('roomcue serve --chair-pin', () => {
  const serve = async (opts: Parameters<typeof runServe>[0]) => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    const code = await runServe(
      { stateDir: mkdtempSync(join(tmpdir(), 'rc-')), port: '0', ...opts },
      io,
      async () => {},
    );
    return { code, out: out.join('\n') };
  };

  test('one PIN for every room, or ROOM=PIN pairs; the two links to hand out are printed', async () => {
    const one = await serve({ pin: '246810', chairPin: '135790' });
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/chair PIN for every room/);
    const rooms = await serve({ pin: '246810', chairPin: 'L108-A=135790' });
    expect(rooms.out).toMatch(/chair PIN for L108-A/);
  });

  test('mistakes are named', async () => {
    const cases: [Parameters<typeof runServe>[0], RegExp][] = [
      [{ chairPin: '135790' }, /--chair-pin needs --pin/],
      [{ pin: '246810', chairPin: '246810' }, /--chair-pin must differ from the AV PIN/],
      [{ pin: '246810', chairPin: 'L108-A=' }, /--chair-pin: "L108-A=" is not PIN or ROOM=PIN/],
      [{ pin: '246810', chairPin: 'a b' }, /--chair-pin: "a b" is not PIN or ROOM=PIN/],
      [{ pin: '246810', chairPin: 'Nowhere=135790' }, /chair PIN for room "Nowhere".*room/],
    ];
    for (const [opts, message] of cases) await expect(serve(opts)).rejects.toThrow(message);
  });
});
