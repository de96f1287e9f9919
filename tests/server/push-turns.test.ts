// A push to many screens is written over several turns of the server's event loop, so that the operator's answer and
// other requests are not held behind every screen's write. A push overtaken by a newer one stops: no screen may get an
// older state after a newer one, and every screen ends on the newest.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { connect, post, programAroundNow, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(programAroundNow());
});
afterAll(() => h.close());

test('actions sent together to 300 screens: each screen gets states in order, and all end on the last', async () => {
  const screens: Client[] = [];
  for (let i = 0; i < 300; i++) screens.push(await connect(h));
  const answers = await Promise.all(
    Array.from({ length: 6 }, (_, n) => post(h, { type: 'message.set', to: 'public', text: `Together ${n}` })),
  );
  for (const a of answers) expect(a.status).toBe(200);
  const last = Math.max(...answers.map((a) => a.json.seq as number));
  await Promise.all(screens.map((s) => s.next((st) => st.seq === last, 10_000)));
  for (const s of screens) {
    const seqs = s.states.map((st) => st.seq);
    expect(seqs, 'no older state after a newer one').toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.at(-1)).toBe(last);
  }
  for (const s of screens) s.ws.close();
}, 30_000);
