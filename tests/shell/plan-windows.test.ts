// Which view goes on which display, as displays come and go.
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, type KioskConfig } from '../../electron/shell/config.ts';
import { diffPlans, planWindows, type DisplayInfo } from '../../electron/shell/plan-windows.ts';
import { nextReload } from '../../electron/shell/recovery.ts';

const tv: DisplayInfo = { id: 10, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true };
const monitor: DisplayInfo = { id: 20, bounds: { x: 1920, y: 0, width: 1280, height: 1024 }, primary: false };
const portrait: DisplayInfo = { id: 30, bounds: { x: -1080, y: 0, width: 1080, height: 1920 }, primary: false };
const cfg = (c: Partial<KioskConfig>): KioskConfig => ({ ...DEFAULT_CONFIG, ...c });
const summary = (displays: DisplayInfo[], c: Partial<KioskConfig>) =>
  planWindows(displays, cfg(c)).map((p) => `${p.view}@${p.displayId}${p.path}`);

describe('planWindows', () => {
  test.each([
    { label: 'one display: signage on it', displays: [tv], config: {}, plan: ['signage@10/signage'] },
    {
      label: 'chair on the secondary',
      displays: [tv, monitor],
      config: { chairDisplay: 'secondary' as const },
      plan: ['signage@10/signage', 'chair@20/chair'],
    },
    {
      label: 'chair asked for but only one display: no chair over the signage',
      displays: [tv],
      config: { chairDisplay: 'secondary' as const },
      plan: ['signage@10/signage'],
    },
    {
      label: 'displays are counted primary first, then left to right',
      displays: [monitor, portrait, tv],
      config: { signageDisplay: 2, chairDisplay: 3 },
      plan: ['signage@30/signage', 'chair@20/chair'],
    },
    {
      label: 'a display number that is not there falls back to the primary',
      displays: [tv],
      config: { signageDisplay: 3 },
      plan: ['signage@10/signage'],
    },
    {
      label: 'room and language go into the URL',
      displays: [tv],
      config: { room: 'L108-A', lang: 'fr' as const },
      plan: ['signage@10/signage?room=L108-A&lang=fr'],
    },
    { label: 'no display at all: nothing to open', displays: [], config: {}, plan: [] },
  ])('$label', ({ displays, config, plan }) => {
    expect(summary(displays, config)).toEqual(plan);
  });

  test('unplugging the chair monitor closes only the chair window; plugging it back reopens it', () => {
    const both = planWindows([tv, monitor], cfg({ chairDisplay: 'secondary' }));
    const alone = planWindows([tv], cfg({ chairDisplay: 'secondary' }));
    expect(diffPlans(both, alone)).toEqual({ close: [both[1]], move: [], open: [] });
    expect(diffPlans(alone, both)).toEqual({ close: [], move: [], open: [both[1]] });
  });

  test('a display rotated or rescaled: its window is moved, nothing closed or reopened', () => {
    const before = planWindows([tv, monitor], cfg({ chairDisplay: 'secondary' }));
    const rotated = { ...monitor, bounds: { ...monitor.bounds, width: 1024, height: 1280 } };
    const after = planWindows([tv, rotated], cfg({ chairDisplay: 'secondary' }));
    expect(diffPlans(before, after)).toEqual({ close: [], move: [after[1]], open: [] });
  });

  test('the primary unplugged: the signage moves to the display left', () => {
    const before = planWindows([tv, monitor], cfg({}));
    const after = planWindows([{ ...monitor, primary: true }], cfg({}));
    expect(diffPlans(before, after)).toEqual({ close: [], move: [after[0]], open: [] });
  });
});

describe('nextReload', () => {
  test.each([
    { label: 'a first crash: 1 s', history: [] as number[], delay: 1000 },
    { label: 'a second within 10 min: 2 s', history: [-60_000], delay: 2000 },
    { label: 'a fourth: 8 s', history: [-3000, -2000, -1000], delay: 8000 },
    { label: 'never more than 60 s', history: Array.from({ length: 12 }, (_, i) => -i * 1000), delay: 60_000 },
    { label: 'the last crash 11 min ago: 1 s again', history: [-11 * 60_000], delay: 1000 },
  ])('$label', ({ history, delay }) => {
    expect(nextReload(history, 0).delayMs).toBe(delay);
  });
});
