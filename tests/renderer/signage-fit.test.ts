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

describe('the largest size that fits, searched from a guess (each try costs the page a layout)', () => {
  const box = (limit: number) => {
    const tried: number[] = [];
    return { tried, fitsAt: (s: number) => (tried.push(s), s <= limit) };
  };
  test.each([
    { label: 'the guess is the answer', limit: 47, guess: 47 },
    { label: 'a refit after the font came: a pixel smaller', limit: 46, guess: 47 },
    { label: 'a pixel larger', limit: 48, guess: 47 },
    { label: 'a guess far too large', limit: 23, guess: 80 },
    { label: 'a guess far too small', limit: 88, guess: 21 },
    { label: 'a guess out of range', limit: 47, guess: 500 },
  ])('$label: as exact as without a guess, and at most 3 more tries when the guess is far off', ({ limit, guess }) => {
    const plain = box(limit);
    const guided = box(limit);
    largestFitting(plain.fitsAt, 20, 90, 1);
    const found = largestFitting(guided.fitsAt, 20, 90, 1, guess);
    expect(found).toBeLessThanOrEqual(limit);
    expect(found).toBeGreaterThan(limit - 1);
    expect(guided.tried.length).toBeLessThanOrEqual(plain.tried.length + 3);
  });
  test.each([
    { limit: 200, size: 90 },
    { limit: 10, size: 20 },
  ])('everything or nothing fits ($limit): $size, guess or not', ({ limit, size }) => {
    for (const guess of [undefined, 21, 55, 89]) expect(largestFitting(box(limit).fitsAt, 20, 90, 1, guess)).toBe(size);
  });
  test('a guess within a pixel costs three tries, not nine', () => {
    const plain = box(46);
    const guided = box(46);
    largestFitting(plain.fitsAt, 20, 90, 1);
    largestFitting(guided.fitsAt, 20, 90, 1, 47);
    expect(plain.tried.length).toBeGreaterThanOrEqual(8);
    expect(guided.tried.length).toBeLessThanOrEqual(3);
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
