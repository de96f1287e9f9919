// Chromium's own WebSocket reads the server's frames of every header size: a short pong, a door state of a few KB and
// a control state over 64 KiB (a browser fails the connection on a frame it finds malformed).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { post, startHarness, type Harness } from '../server/harness.ts';
import { twoRoomProgram } from '../server/two-rooms.ts';
import { chromiumMissing, launchBrowser } from './browser.ts';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  h = await startHarness(twoRoomProgram(), { at: '2026-06-29T09:05' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe.skipIf(chromiumMissing)("a browser reads a screen's frames", () => {
  test('states of 126-65,535 and over 65,535 bytes and a pong under 126, for two rooms, the socket staying open', async () => {
    const page = await browser.newPage();
    await page.goto(`${h.url}/`);
    await page.evaluate(() => {
      const w = window as unknown as { got: Record<string, { bytes: number; seq?: number; type: string }[]> };
      w.got = {};
      for (const query of ['room=A&view=signage', 'room=B&view=control']) {
        const list: { bytes: number; seq?: number; type: string }[] = (w.got[query] = []);
        const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/ws?${query}`);
        ws.onmessage = (e) => {
          const text = e.data as string;
          const msg = JSON.parse(text) as { type: string; state?: { seq: number } };
          list.push({ bytes: new TextEncoder().encode(text).length, seq: msg.state?.seq, type: msg.type });
        };
        ws.onopen = () => ws.send('{"type":"ping","t":1}');
        ws.onclose = () => list.push({ bytes: 0, type: 'closed' });
      }
    });
    const got = () =>
      page.evaluate(
        () => (window as unknown as { got: Record<string, { bytes: number; seq?: number; type: string }[]> }).got,
      );
    await expect.poll(async () => Object.values(await got()).every((l) => l.some((m) => m.type === 'pong'))).toBe(true);
    const seq = (await post(h, { type: 'message.set', to: 'public', text: 'Browser «frames» ✓' })).json.seq as number;
    await expect.poll(async () => Object.values(await got()).every((l) => l.some((m) => m.seq === seq))).toBe(true);
    const all = await got();
    const door = all['room=A&view=signage']!;
    const control = all['room=B&view=control']!;
    expect(door.find((m) => m.type === 'pong')!.bytes).toBeLessThan(126);
    const doorState = door.find((m) => m.seq === seq)!.bytes;
    expect(doorState).toBeGreaterThanOrEqual(126);
    expect(doorState).toBeLessThan(65536);
    expect(control.find((m) => m.seq === seq)!.bytes).toBeGreaterThanOrEqual(65536);
    for (const list of [door, control]) expect(list.map((m) => m.type)).not.toContain('closed');
    await page.close();
  });
});
