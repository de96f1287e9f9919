// The API against a real server on loopback: each action, bad bodies, the PIN, traversal, junk, WebSocket clients.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, post, programAroundNow, startHarness, type Harness } from './harness.ts';

let h: Harness;
let program: ReturnType<typeof programAroundNow>;
beforeAll(async () => {
  program = programAroundNow();
  h = await startHarness(program);
});
afterAll(() => h.close());

describe('reading', () => {
  test('GET /api/state follows the roomcue at --json contract plus the live fields', async () => {
    const res = await fetch(`${h.url}/api/state`);
    expect(res.status).toBe(200);
    const state = await res.json();
    expect(state).toMatchObject({
      room: 'A',
      timezone: program.timezone,
      phase: 'in-session',
      mode: 'follow',
      blackout: false,
      delayMinutes: 0,
    });
    expect(state.current[0]).toMatchObject({
      id: 'talk1',
      title: 'First talk',
      speakers: [{ name: 'Ada Lovelace', affiliation: 'Engines' }],
    });
    expect(state.timer).toMatchObject({ itemId: 'talk1', phase: 'normal', running: true, source: 'schedule' });
    expect(state.clock.rehearsal).toBe(false);
    expect(state.rooms.map((r: { id: string }) => r.id)).toEqual(['A', 'B']);
  });

  test('?room= picks another room; an unknown one is a 404 naming the rooms', async () => {
    expect((await (await fetch(`${h.url}/api/state?room=B`)).json()).current[0].id).toBe('b-talk');
    const res = await fetch(`${h.url}/api/state?room=Z`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('unknown room "Z"; rooms: A ("Room A"), B ("Room B")');
  });

  test("?room= and an action's room take the displayed name, case ignored", async () => {
    const state = await (await fetch(`${h.url}/api/state?room=${encodeURIComponent('room b')}`)).json();
    expect(state.room).toBe('B');
    expect(state.current[0].id).toBe('b-talk');
  });

  test('GET /api/program is the program', async () => {
    expect((await (await fetch(`${h.url}/api/program`)).json()).event.name).toBe('API Test Conf');
  });

  test('views are served; a view route gives the app page with a CSP', async () => {
    for (const view of ['signage', 'chair', 'control']) {
      const res = await fetch(`${h.url}/${view}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(await res.text()).toContain('<title>views</title>');
    }
    expect(await (await fetch(`${h.url}/assets/app.js`)).text()).toContain('console.log');
  });
});

describe('actions', () => {
  test.each([
    { action: { type: 'timer.pause' }, expect: { timer: { running: false, source: 'timer' } } },
    { action: { type: 'timer.resume' }, expect: { timer: { running: true } } },
    { action: { type: 'timer.add', seconds: 120 }, expect: { delayMinutes: 2 } },
    { action: { type: 'timer.reset' }, expect: { timer: { source: 'schedule' }, delayMinutes: 0 } },
    { action: { type: 'timer.start' }, expect: { timer: { source: 'timer', running: true } } },
    { action: { type: 'timer.reset' }, expect: { delayMinutes: 0 } },
    { action: { type: 'delay.set', minutes: 7 }, expect: { delayMinutes: 7 } },
    { action: { type: 'delay.set', minutes: 0 }, expect: { delayMinutes: 0 } },
    {
      action: { type: 'message.set', to: 'public', text: 'Welcome!' },
      expect: { messages: { public: { text: 'Welcome!' } } },
    },
    { action: { type: 'message.clear' }, expect: { messages: { public: null, speaker: null } } },
    { action: { type: 'blackout', on: true }, expect: { blackout: true } },
    { action: { type: 'blackout', on: false }, expect: { blackout: false } },
    { action: { type: 'item.end' }, expect: { current: [{ id: 'break1' }], next: { id: 'talk2' } } },
    { action: { type: 'goto', itemId: 'talk2' }, expect: { mode: 'manual', current: [{ id: 'talk2' }] } },
    { action: { type: 'follow' }, expect: { mode: 'follow' } },
    { action: { type: 'timer.reset', room: 'B' }, expect: { room: 'B' } },
  ])('POST $action.type returns the new state', async ({ action, expect: shape }) => {
    const r = await post(h, action);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject(shape);
  });

  test('GET /api/actions/<type> for Companion buttons, with the PIN as Bearer or ?pin=', async () => {
    const a = await fetch(`${h.url}/api/actions/delay.set?minutes=3`, {
      headers: { Authorization: `Bearer ${h.pin}` },
    });
    expect(a.status).toBe(200);
    expect((await (await fetch(`${h.url}/api/state`)).json()).delayMinutes).toBe(3);
    const b = await fetch(`${h.url}/api/actions/delay.set?minutes=0&pin=${h.pin}`);
    expect(b.status).toBe(200);
    expect((await (await fetch(`${h.url}/api/state`)).json()).delayMinutes).toBe(0);
  });

  test.each([
    { label: 'not JSON', body: '{"type": ', status: 400, error: /not valid JSON/ },
    {
      label: 'unknown type',
      body: { type: 'self-destruct' },
      status: 400,
      error: /unknown action type "self-destruct"/,
    },
    { label: 'bad field', body: { type: 'timer.add', seconds: 'lots' }, status: 400, error: /timer\.add: seconds/ },
    {
      label: 'extra field',
      body: { type: 'blackout', on: true, colour: 'red' },
      status: 400,
      error: /unknown field colour/,
    },
    { label: 'an array', body: [], status: 400, error: /JSON object/ },
    { label: 'unknown item', body: { type: 'goto', itemId: 'nope' }, status: 409, error: /unknown item "nope"/ },
    { label: 'unknown room', body: { type: 'follow', room: 'Z' }, status: 404, error: /unknown room "Z"/ },
    {
      label: 'too large',
      body: { type: 'message.set', to: 'public', text: 'x'.repeat(20_000) },
      status: 413,
      error: /larger than/,
    },
  ])('$label: $status with a message', async ({ body, status, error }) => {
    const r = await post(h, body);
    expect(r.status).toBe(status);
    expect(r.json.error).toMatch(error);
  });

  test('an action sent as a form (not JSON) is refused with 415', async () => {
    const r = await post(h, '{"type":"follow"}', { 'Content-Type': 'text/plain' });
    expect(r.status).toBe(415);
  });

  test('an action from another site is refused, even with the PIN', async () => {
    const r = await post(h, { type: 'blackout', on: true }, { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect((await (await fetch(`${h.url}/api/state`)).json()).blackout).toBe(false);
  });
});

describe('the PIN', () => {
  test('no PIN or a wrong one: 401, nothing changes', async () => {
    const before = (await (await fetch(`${h.url}/api/state`)).json()).seq;
    const none = await fetch(`${h.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"type":"blackout","on":true}',
    });
    expect(none.status).toBe(401);
    expect((await none.json()).error).toMatch(/needs the PIN/);
    const wrong = await post(h, { type: 'blackout', on: true }, { Authorization: 'Bearer 0000' });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${h.url}/api/actions/blackout?on=1&pin=9999`)).status).toBe(401);
    expect((await (await fetch(`${h.url}/api/state`)).json()).seq).toBe(before);
  });

  test('repeated wrong PINs are slowed down, then refused', async () => {
    const h2 = await startHarness(programAroundNow(), { pin: '1357' });
    try {
      const times: number[] = [];
      let last = 0;
      for (let i = 0; i < 6; i++) {
        const t0 = performance.now();
        last = (await post(h2, { type: 'follow' }, { Authorization: 'Bearer nope' })).status;
        times.push(performance.now() - t0);
      }
      expect(last).toBe(401);
      expect(times[5]!).toBeGreaterThan(900); // the 6th failure waits about a second
      expect((await post(h2, { type: 'follow' })).status).toBe(200); // the right PIN still works
    } finally {
      await h2.close();
    }
  });
});

describe('files never leave the views folder', () => {
  test.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/signage/../../secret.txt',
    '/assets/%00',
    '/%',
  ])('%s', async (path) => {
    const res = await fetch(`${h.url}${path}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain('TOP SECRET');
  });
});

describe('robustness', () => {
  test('after a burst of junk requests the server still answers', async () => {
    const junk = [];
    for (let i = 0; i < 100; i++) {
      junk.push(
        fetch(`${h.url}/api/actions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${h.pin}` },
          body: `{"type":${'['.repeat(i)}`,
        }).then((r) => r.status),
      );
      junk.push(fetch(`${h.url}/api/${'x'.repeat(i)}`).then((r) => r.status));
      junk.push(
        fetch(`${h.url}/api/actions/${encodeURIComponent('\u0000'.repeat(i))}`, {
          headers: { Authorization: `Bearer ${h.pin}` },
        }).then((r) => r.status),
      );
    }
    const statuses = await Promise.all(junk);
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
    expect((await fetch(`${h.url}/api/health`)).status).toBe(200);
  });
});

describe('the answer to an action', () => {
  /** POST /api/actions as a button box or curl sends it: the PIN, JSON, and the headers given. */
  const send = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${h.url}/api/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${h.pin}`, ...headers },
      body: JSON.stringify(body),
    });

  test('by default a short JSON: ok, the room, the seq of the state every screen was pushed, no save warning', async () => {
    const screen = await connect(h);
    const res = await send({ type: 'message.set', to: 'public', text: 'Short answer', room: 'room b' });
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBeNull();
    const text = await res.text();
    const answer = JSON.parse(text);
    expect(Object.keys(answer).sort()).toEqual(['ok', 'room', 'seq', 'storeWarning']);
    expect(answer).toMatchObject({ ok: true, room: 'B', storeWarning: null });
    expect(text.length).toBeLessThan(100);
    // The seq is the state the screens were pushed before the answer (room B's screens; this one shows room A).
    const pushed = await screen.next((s) => s.seq === answer.seq);
    expect(pushed.room).toBe('A');
    const b = await (await fetch(`${h.url}/api/state?room=B`)).json();
    expect(b.seq).toBe(answer.seq);
    expect(b.messages.public.text).toBe('Short answer');
    screen.ws.close();
  });

  test('the GET form for buttons answers the same short JSON', async () => {
    const res = await fetch(`${h.url}/api/actions/delay.set?minutes=0&pin=${h.pin}`);
    const answer = await res.json();
    expect(answer).toEqual({ ok: true, room: 'A', seq: answer.seq, storeWarning: null });
    expect((await (await fetch(`${h.url}/api/state`)).json()).seq).toBe(answer.seq);
  });

  test('Prefer: return=representation answers the new state of the room (without the day lists), and says so', async () => {
    for (const prefer of ['return=representation', 'respond-async, RETURN = "representation"; x=1']) {
      const res = await send({ type: 'message.set', to: 'public', text: `State ${prefer}` }, { Prefer: prefer });
      expect(res.status).toBe(200);
      expect(res.headers.get('preference-applied')).toBe('return=representation');
      const state = await res.json();
      expect(state).toMatchObject({ room: 'A', messages: { public: { text: `State ${prefer}` } }, day: [], days: [] });
      expect(state.current[0].id).toBe('talk1');
      expect(state.seq).toBe((await (await fetch(`${h.url}/api/state`)).json()).seq);
    }
  });

  test('Prefer: return=minimal, or a preference the server does not know, is the short answer', async () => {
    // RFC 7240: a preference given twice counts once, the first time ('return=minimal, return=representation').
    for (const prefer of [
      'return=minimal',
      'wait=10',
      'return=representationx',
      'return=minimal, return=representation',
    ]) {
      const res = await send({ type: 'blackout', on: false }, { Prefer: prefer });
      expect(res.headers.get('preference-applied')).toBeNull();
      expect(Object.keys(await res.json()).sort()).toEqual(['ok', 'room', 'seq', 'storeWarning']);
    }
  });

  test('a refused action answers its error, with or without the preference', async () => {
    for (const headers of [{}, { Prefer: 'return=representation' }] as Record<string, string>[]) {
      const res = await send({ type: 'goto', itemId: 'nope' }, headers);
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({ error: 'unknown item "nope" in room A' });
    }
  });
});

describe('WebSocket', () => {
  test('two clients see the same state after an action; pings are answered with the server time', async () => {
    const [a, b] = await Promise.all([connect(h), connect(h, 'view=chair')]);
    const r = await post(h, { type: 'message.set', to: 'speaker', text: 'Wrap up please' });
    const seq = r.json.seq as number;
    const [sa, sb] = await Promise.all([a.next((s) => s.seq === seq), b.next((s) => s.seq === seq)]);
    // Made for each audience (the chair gets its notes) at its own instant: the same state, to the millisecond.
    expect(sa).toEqual({ ...sb, clock: sa.clock, at: sa.at });
    expect(Math.abs(Date.parse(sa.at as string) - Date.parse(sb.at as string))).toBeLessThan(1000);
    expect((sa.messages as { speaker: { text: string } }).speaker.text).toBe('Wrap up please');
    const pong = new Promise<{ t: number; serverTime: number }>((resolve) =>
      a.ws.on('message', (d) => {
        const m = JSON.parse(String(d));
        if (m.type === 'pong') resolve(m);
      }),
    );
    a.ws.send(JSON.stringify({ type: 'ping', t: 42 }));
    const p = await pong;
    expect(p.t).toBe(42);
    expect(Math.abs(p.serverTime - Date.now())).toBeLessThan(5000);
    const screens = await (await fetch(`${h.url}/api/screens`)).json();
    expect(screens.map((s: { view: string }) => s.view).sort()).toEqual(['chair', 'signage']);
    a.ws.close();
    b.ws.close();
  });

  test('a valid program edit reaches clients within 2 s; an invalid one keeps the program and reports it', async () => {
    const c = await connect(h, 'view=control');
    const program = programAroundNow();
    program.event.name = 'Renamed Conf';
    writeFileSync(h.programFile, JSON.stringify(program));
    const t0 = Date.now();
    await c.next((s) => (s.event as { name: string }).name === 'Renamed Conf', 2000);
    expect(Date.now() - t0).toBeLessThan(2000);
    writeFileSync(h.programFile, '{"formatVersion": 1, "broken":');
    const bad = await c.next((s) => (s.program as { problem: unknown }).problem !== null, 2000);
    expect((bad.event as { name: string }).name).toBe('Renamed Conf');
    expect((bad.program as { problem: { summary: string } }).problem.summary).toMatch(/not valid JSON/);
    writeFileSync(h.programFile, JSON.stringify(programAroundNow()));
    await c.next(
      (s) =>
        (s.event as { name: string }).name === 'API Test Conf' && (s.program as { problem: unknown }).problem === null,
      2000,
    );
    c.ws.close();
  });
});

describe('persistence', () => {
  test('a restarted server comes back with the same timer, delay and messages', async () => {
    await post(h, { type: 'timer.reset' });
    await post(h, { type: 'follow' });
    await post(h, { type: 'goto', itemId: 'talk1' });
    await post(h, { type: 'timer.pause' });
    await post(h, { type: 'message.set', to: 'public', text: 'Back in 5' });
    const before = await (await fetch(`${h.url}/api/state`)).json();
    await h.restart();
    const after = await (await fetch(`${h.url}/api/state`)).json();
    expect(after.seq).toBe(before.seq);
    expect(after.timer).toMatchObject({ itemId: 'talk1', running: false, pausedAt: before.timer.pausedAt });
    expect(after.timer.remainingSeconds).toBe(before.timer.remainingSeconds);
    expect(after.messages.public.text).toBe('Back in 5');
    expect(after.mode).toBe('manual');
  });
});

describe('checking a PIN and counting screens', () => {
  test('POST /api/auth says whether a PIN is right without acting', async () => {
    const seq = (await (await fetch(`${h.url}/api/state`)).json()).seq;
    const right = await fetch(`${h.url}/api/auth`, { method: 'POST', headers: { Authorization: `Bearer ${h.pin}` } });
    expect(right.status).toBe(200);
    const wrong = await fetch(`${h.url}/api/auth`, { method: 'POST', headers: { Authorization: 'Bearer 0000' } });
    expect(wrong.status).toBe(401);
    expect((await (await fetch(`${h.url}/api/state`)).json()).seq).toBe(seq);
  });

  test('previews embedded in the console are not listed as screens', async () => {
    const preview = await connect(h, 'view=signage-preview');
    const real = await connect(h, 'view=chair');
    await new Promise((r) => setTimeout(r, 50));
    const views = (await (await fetch(`${h.url}/api/screens`)).json()).map((s: { view: string }) => s.view);
    expect(views).toContain('chair');
    expect(views).not.toContain('signage-preview');
    preview.ws.close();
    real.ws.close();
  });
});

describe('POST /api/actions?room= (a button box that names the room in its URL)', () => {
  const postTo = (query: string, body: unknown) =>
    fetch(`${h.url}/api/actions${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(h.pin ? { Authorization: `Bearer ${h.pin}` } : {}) },
      body: JSON.stringify(body),
    });
  const blackout = async (room: string) =>
    ((await (await fetch(`${h.url}/api/state?room=${room}`)).json()) as { blackout: boolean }).blackout;

  test('the room in the query applies when the body names none', async () => {
    const res = await postTo('?room=room%20b', { type: 'blackout', on: true });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { room: string }).room).toBe('B');
    expect([await blackout('A'), await blackout('B')]).toEqual([false, true]);
    expect((await postTo('?room=B', { type: 'blackout', on: false })).status).toBe(200);
    expect(await blackout('B')).toBe(false);
  });

  test('an unknown room in the query is a 404 naming the rooms; nothing is applied', async () => {
    const seq = (await (await fetch(`${h.url}/api/state`)).json()).seq;
    const res = await postTo('?room=Z', { type: 'blackout', on: true });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('unknown room "Z"; rooms: A ("Room A"), B ("Room B")');
    expect((await (await fetch(`${h.url}/api/state`)).json()).seq).toBe(seq);
    expect(await blackout('A')).toBe(false);
  });

  test('two different rooms, in the query and in the body, are refused (400); the same one twice is fine', async () => {
    const res = await postTo('?room=A', { type: 'blackout', on: true, room: 'B' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe(
      'two rooms: "A" in the address and "B" in the body; give one',
    );
    expect([await blackout('A'), await blackout('B')]).toEqual([false, false]);
    expect((await postTo('?room=b', { type: 'blackout', on: false, room: 'Room B' })).status).toBe(200);
  });
});
