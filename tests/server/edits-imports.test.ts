// Edits kept apart from the source whatever its format: a frab XML, a pretalx (frab JSON), an Indico and an
// iCalendar export are served as they are, edited through the API, the server restarted, the file re-exported with a
// change to an edited field, the program written with the edits; the source file is never rewritten.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { roomcue } from '../cli/in-process.ts';
import type { StateJson } from '../../core/contract/state.ts';
import type { ProgramInput } from '../../core/program/schema.ts';
import { startShow, type RunningShow } from '../../server/start-show.ts';
import { repoPath } from '../helpers.ts';

const FIXTURES = ['frab-small.xml', 'pretalx-democon.json', 'indico-timetable.json', 'paris-vtimezone.ics'];

function itemsOf(p: ProgramInput) {
  return [...(p.sessions ?? []).flatMap((s) => s.items), ...(p.items ?? [])];
}

describe.each(FIXTURES)('an edited %s', (fixture) => {
  test('edits over the import: kept across a restart, the file untouched, a new export’s change is a conflict, exported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roomcue-edit-import-'));
    const programFile = join(dir, basename(fixture));
    copyFileSync(repoPath(`tests/fixtures/import/${fixture}`), programFile);
    const source = readFileSync(programFile);
    const stateDir = join(dir, 'state');
    const launch = () =>
      startShow({ programFile, host: '127.0.0.1', port: 0, pin: null, stateDir, staticDir: repoPath('dist') });
    const program = async (r: RunningShow) =>
      (await (await fetch(`${r.server.url}/api/program`)).json()) as ProgramInput;
    const act = async (r: RunningShow, body: object) => {
      const res = await fetch(`${r.server.url}/api/actions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    };

    let running = await launch();
    const [first, second] = itemsOf(await program(running));
    await act(running, { type: 'program.item.update', itemId: first!.id, set: { title: 'Title fixed by AV' } });
    await act(running, { type: 'program.item.cancel', itemId: second!.id, reason: 'Speaker ill' });
    const edited = itemsOf(await program(running));
    expect(edited.find((i) => i.id === first!.id)!.title).toBe('Title fixed by AV');
    expect(edited.find((i) => i.id === second!.id)!.cancelled).toEqual({ reason: 'Speaker ill' });

    await running.close();
    running = await launch();
    try {
      const after = itemsOf(await program(running));
      expect(after.find((i) => i.id === first!.id)!.title).toBe('Title fixed by AV');
      expect(after.find((i) => i.id === second!.id)!.cancelled).toEqual({ reason: 'Speaker ill' });
      expect(after.map((i) => i.id)).toEqual(edited.map((i) => i.id));
      expect(readFileSync(programFile).equals(source)).toBe(true);

      // A new export changes the same title: the operator's stays on the screens, the control view sees both.
      const theirs = `${first!.title} (new)`;
      writeFileSync(programFile, source.toString('utf8').split(first!.title).join(theirs));
      const conflict = await until(async () => {
        const s = (await (await fetch(`${running.server.url}/api/state`)).json()) as StateJson;
        return s.edits?.conflicts.find((c) => c.itemId === first!.id) ?? null;
      });
      expect([conflict.kind, conflict.field, conflict.yours, conflict.theirs]).toEqual([
        'changed-in-source',
        'title',
        'Title fixed by AV',
        theirs,
      ]);
      expect(itemsOf(await program(running)).find((i) => i.id === first!.id)!.title).toBe('Title fixed by AV');
      writeFileSync(programFile, source);
    } finally {
      await running.close();
    }

    const out = join(dir, 'merged.json');
    const r = await roomcue('export', '--program', programFile, '--with-edits', '--state-dir', stateDir, '-o', out);
    expect(r.code, r.err).toBe(0);
    const merged = itemsOf(JSON.parse(readFileSync(out, 'utf8')) as ProgramInput);
    expect(merged.find((i) => i.id === first!.id)!.title).toBe('Title fixed by AV');
    expect(merged.find((i) => i.id === second!.id)!.cancelled).toEqual({ reason: 'Speaker ill' });
  });
});

/** Polls `check` until it gives something (the program watcher reloads a changed file within about a second). */
async function until<T>(check: () => Promise<T | null>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error('never came');
    await new Promise((r) => setTimeout(r, 100));
  }
}
