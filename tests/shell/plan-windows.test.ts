// Which view goes on which display, as displays come and go.
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, type KioskConfig } from '../../electron/shell/config.ts';
import { diffPlans, planWindows, type DisplayInfo } from '../../electron/shell/plan-windows.ts';

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
    expect(diffPlans(both, alone)).toEqual({ close: [both[1]], open: [] });
    expect(diffPlans(alone, both)).toEqual({ close: [], open: [both[1]] });
  });
});
