// The views' own font files (Atkinson Hyperlegible without its hinting programs, scripts/subset-fonts.sh) cover
// exactly the characters of the files they replace: accented names (latin-ext) still come in the bundled font.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { repoPath } from '../helpers.ts';

interface Face {
  file: string;
  weight: string;
  range: string;
}

function faces(css: string): Face[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => ({
    file: /url\(\.\/(?:files\/)?([\w-]+)\.woff2\)/.exec(body!)![1]!,
    weight: /font-weight:\s*(\d+)/.exec(body!)![1]!,
    range: /unicode-range:\s*([^;]+);/.exec(body!)![1]!.replace(/\s+/g, ''),
  }));
}

describe('the bundled font', () => {
  const ours = faces(readFileSync(repoPath('renderer/fonts/fonts.css'), 'utf8'));
  const upstream = ['400', '700'].flatMap((w) =>
    faces(readFileSync(repoPath(`node_modules/@fontsource/atkinson-hyperlegible/${w}.css`), 'utf8')),
  );

  test('the same faces, weights and unicode ranges as @fontsource, each file present', () => {
    const key = (f: Face) => `${f.file} ${f.weight} ${f.range}`;
    expect(ours.map(key).sort()).toEqual(upstream.map(key).sort());
    for (const f of ours) expect(existsSync(repoPath(`renderer/fonts/${f.file}.woff2`)), f.file).toBe(true);
  });

  test('the accented Latin of speakers’ names (ł, ő, ş, ř) is in the latin-ext range, loaded only when used', () => {
    const ext = ours.find((f) => f.file.includes('latin-ext') && f.weight === '400')!;
    const inRange = (c: string) =>
      ext.range.split(',').some((r) => {
        const [a, b = a] = r.replace(/^U\+/, '').split('-');
        const code = c.codePointAt(0)!;
        return code >= parseInt(a!, 16) && code <= parseInt(b!, 16);
      });
    for (const c of ['ł', 'ő', 'ş', 'ř', 'ā']) expect(inRange(c), c).toBe(true);
  });
});
