// A console's requests that carry its PIN also ask the server to keep a session for it (a cookie): the control's log
// poll every 5 s signs a tab in again after a server restart or a session's 24 hours, so that it goes on acting while
// guessers have the PIN locked. One helper makes those headers; no view writes its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { pinHeaders } from '../../renderer/lib/actions.ts';
import { repoPath } from '../helpers.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

test('pinHeaders: the PIN, and the request to keep the session', () => {
  expect(pinHeaders('2468')).toEqual({ Authorization: 'Bearer 2468', 'X-Roomcue-Session': 'keep' });
  expect(pinHeaders(null)).toEqual({ 'X-Roomcue-Session': 'keep' });
});

test('every view sends its PIN through pinHeaders (the log poll, the chair link, actions, the PIN check)', () => {
  const root = repoPath('.');
  const own = sources(repoPath('renderer'))
    .filter((f) => readFileSync(f, 'utf8').includes('Authorization'))
    .map((f) => relative(root, f));
  expect(own).toEqual(['renderer/lib/actions.ts']);
});
