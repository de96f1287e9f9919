// Text fitting: the largest size that fits, then a clamp at a word, and the rows of a list that fit.
import { describe, expect, test } from 'vitest';
import { clampAtWord, cutAtWord, largestFitting, rowsThatFit } from '../../renderer/views/signage/fit.ts';

describe('the largest font size that fits', () => {
  // A box that fits text up to `limit` px: the search must find it to within its precision.
  test.each([
    { label: 'everything fits: the maximum', limit: 200, min: 20, max: 90, size: 90 },
    { label: 'nothing fits: the minimum', limit: 10, min: 20, max: 90, size: 20 },
    { label: 'in between', limit: 47.3, min: 20, max: 90 },
    { label: 'just above the minimum', limit: 20.4, min: 20, max: 90 },
    { label: 'min equals max', limit: 5, min: 30, max: 30, size: 30 },
  ])('$label', ({ limit, min, max, size }) => {
    const tried: number[] = [];
    const found = largestFitting(
      (s) => {
        tried.push(s);
        return s <= limit;
      },
      min,
      max,
      0.5,
    );
    if (size !== undefined) expect(found).toBe(size);
    else {
      expect(found).toBeLessThanOrEqual(limit);
      expect(found).toBeGreaterThan(limit - 0.5);
    }
    expect(tried.length).toBeLessThanOrEqual(10);
  });
});

describe('clamping at a word boundary', () => {
  const title =
    'Building Agent Societies: A revolution in software engineering. First applications to hardware and software optimization for large scale AI computations';

  test.each([
    { words: 3, text: 'Building Agent Societies…' },
    { words: 5, text: 'Building Agent Societies: A revolution…' },
    { words: 8, text: 'Building Agent Societies: A revolution in software engineering…' },
    { words: 0, text: 'Building…' },
    { words: 99, text: title },
  ])('after $words words: "$text"', ({ words, text }) => expect(cutAtWord(title, words)).toBe(text));

  test.each([
    { room: 1000, text: title },
    { room: 40, text: 'Building Agent Societies: A revolution…' },
    { room: 25, text: 'Building Agent Societies…' },
    { room: 3, text: 'Building…' },
  ])('the longest prefix within $room characters', ({ room, text }) =>
    expect(clampAtWord(title, (t) => t.length <= room)).toBe(text),
  );

  test('never cuts inside a word', () => {
    for (let room = 10; room < title.length; room += 7) {
      const clamped = clampAtWord(title, (t) => t.length <= room);
      const kept = clamped.replace(/…$/, '').split(' ');
      expect(title.split(' ').slice(0, kept.length).join(' ').startsWith(kept.join(' '))).toBe(true);
    }
  });

  test('a one-word text is kept whole', () => expect(clampAtWord('Lunch', () => false)).toBe('Lunch'));
});

describe('rows of a list that fit', () => {
  test.each([
    { bottoms: [40, 80, 120, 160], available: 130, n: 3 },
    { bottoms: [40, 80, 120, 160], available: 160, n: 4 },
    { bottoms: [40, 80], available: 30, n: 0 },
    { bottoms: [], available: 100, n: 0 },
    { bottoms: [40.3, 80.4], available: 80, n: 2 },
  ])('$bottoms in $available → $n', ({ bottoms, available, n }) => expect(rowsThatFit(bottoms, available)).toBe(n));
});
