// The countdown's size: the largest that fits its box, width or height, whichever binds first.
import { expect, test } from 'vitest';
import { fitFontSize } from '../../renderer/views/chair/fit.ts';

// "00:00" in Atkinson Hyperlegible Bold with tabular digits is about 277 px wide at 100 px.
const TEMPLATE = { templateWidth: 277, referenceSize: 100, lineHeight: 1 };

test.each([
  { label: '16:9, width binds', width: 1834, height: 767, size: 635 },
  { label: '9:16, width binds', width: 994, height: 1500, size: 344 },
  { label: 'a low box (long message), height binds', width: 1834, height: 400, size: 400 },
])('$label: $size px', ({ width, height, size }) => {
  expect(fitFontSize({ width, height, ...TEMPLATE })).toBe(size);
});

test('never wider than the box, whatever the fill', () => {
  for (const width of [300, 777, 1920, 3840]) {
    const size = fitFontSize({ width, height: 5000, ...TEMPLATE, fill: 1 });
    expect((size * TEMPLATE.templateWidth) / TEMPLATE.referenceSize).toBeLessThanOrEqual(width);
  }
});

test('nothing measured yet (hidden, or the font not loaded): no size rather than a wrong one', () => {
  expect(fitFontSize({ width: 0, height: 500, ...TEMPLATE })).toBe(0);
  expect(fitFontSize({ width: 500, height: 500, ...TEMPLATE, templateWidth: 0 })).toBe(0);
});
