// A program at a URL: a local HTTP server plays a real pretalx export, changes it, fails, answers garbage, goes away.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ProgramFeed } from '../../server/program/program-feed.ts';
import type { ProgramChange } from '../../server/program/program-watcher.ts';
import { startShow, type RunningShow } from '../../server/start-show.ts';
import { repoPath } from '../helpers.ts';
import { runServe } from '../../cli/serve.ts';

const EXPORT = readFileSync(repoPath('tests/fixtures/import/pretalx-democon.json'), 'utf8');

/** The export with its first event ("Focused 5thgeneration hardware") moved half an hour later. */
function movedExport(): string {
  const json = JSON.parse(EXPORT);
  const event = json.schedule.conference.days[0].rooms['Gray Room'][0];
  event.date = '2020-12-14T09:30:00+01:00';
  event.start = '09:30';
  return JSON.stringify(json);
}

interface Feed {
  url: string;
  server: Server;
  /** What the next requests get. */
  answer: { status: number; body: string; etag: string | null; lastModified?: string; hang?: boolean };
  requests: { ifNoneMatch: string | undefined; ifModifiedSince: string | undefined; at: number }[];
}

async function serveFeed(): Promise<Feed> {
  const feed = {
    answer: { status: 200, body: EXPORT, etag: '"v1"' },
    requests: [] as Feed['requests'],
  } as Feed;
  feed.server = createServer((req, res) => {
    feed.requests.push({
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      at: Date.now(),
    });
    const a = feed.answer;
    if (a.hang) return; // never answers: the client's time limit must cut it
    const notModified = a.etag
      ? req.headers['if-none-match'] === a.etag
      : a.lastModified !== undefined && req.headers['if-modified-since'] === a.lastModified;
    if (a.status === 200 && notModified) {
      res.writeHead(304).end();
      return;
    }
    res
      .writeHead(a.status, {
        'Content-Type': 'application/json',
        ...(a.etag ? { ETag: a.etag } : {}),
        ...(a.lastModified ? { 'Last-Modified': a.lastModified } : {}),
      })
      .end(a.body);
  });
  await new Promise<void>((r) => feed.server.listen(0, '127.0.0.1', r));
  feed.url = `http://127.0.0.1:${(feed.server.address() as AddressInfo).port}/democon/schedule/export/schedule.json`;
  return feed;
}

const titleOfFirst = (f: ProgramFeed) =>
  f.current.program.items
    .concat(f.current.program.sessions.flatMap((s) => s.items))
    .find((i) => i.title === 'Focused 5thgeneration hardware');

async function until<T>(get: () => T | undefined | null | false, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

let feed: Feed;
let cacheDir: string;
const opened: { close(): void }[] = [];
beforeEach(async () => {
  feed = await serveFeed();
  cacheDir = mkdtempSync(join(tmpdir(), 'roomcue-feed-'));
});
afterEach(async () => {
  for (const o of opened.splice(0)) o.close();
  feed.server.closeAllConnections();
  await new Promise((r) => feed.server.close(r));
});

const open = async (opts: Partial<Parameters<typeof ProgramFeed.open>[1]> = {}) => {
  const f = await ProgramFeed.open(feed.url, { cacheDir, intervalMs: 100, log: () => {}, ...opts });
  opened.push(f);
  return f;
};

describe('a program feed', () => {
  test('is fetched at start, then polled with its ETag: an unchanged export is not downloaded again', async () => {
    const f = await open();
    expect(f.current.program.rooms.map((r) => r.name)).toEqual(['Gray Room', 'Tan Room']);
    expect(f.current.file).toBe(feed.url);
    await until(() => feed.requests.length >= 3);
    expect(feed.requests[0]!.ifNoneMatch).toBeUndefined();
    expect(feed.requests.slice(1).every((r) => r.ifNoneMatch === '"v1"')).toBe(true);
  });

  test('without an ETag, polled with If-Modified-Since: an unchanged export costs a 304', async () => {
    const lastModified = 'Mon, 14 Dec 2020 08:00:00 GMT';
    feed.answer = { status: 200, body: EXPORT, etag: null, lastModified };
    const f = await open();
    const changes: ProgramChange[] = [];
    f.onChange((c) => changes.push(c));
    await until(() => feed.requests.length >= 3);
    expect(feed.requests[0]!.ifModifiedSince).toBeUndefined();
    expect(feed.requests.slice(1).map((r) => r.ifModifiedSince)).toEqual(
      feed.requests.slice(1).map(() => lastModified),
    );
    expect(changes).toEqual([]);
  });

  test('a change in the export reaches the program within one poll', async () => {
    const f = await open();
    const changes: ProgramChange[] = [];
    let requestsAtChange = -1;
    f.onChange((c) => {
      changes.push(c);
      requestsAtChange = feed.requests.length;
    });
    const before = titleOfFirst(f)!.start;
    await until(() => feed.requests.length >= 2); // polling
    const requestsBefore = feed.requests.length;
    feed.answer = { status: 200, body: movedExport(), etag: '"v2"' };
    await until(() => changes.length > 0);
    // The first request after the change brought it (the test server answers each request as it counts it).
    expect(requestsAtChange - requestsBefore).toBe(1);
    expect(feed.requests.at(requestsAtChange - 1)!.ifNoneMatch).toBe('"v1"');
    expect(changes[0]!.type).toBe('reloaded');
    expect(titleOfFirst(f)!.start).not.toBe(before);
    expect(f.problem).toBeNull();
  });

  test.each([
    { label: 'a 500', answer: { status: 500, body: 'oops', etag: '"x"' }, problem: /cannot be fetched \(HTTP 500/ },
    {
      label: 'a garbage body',
      answer: { status: 200, body: '{"schedule": 12}', etag: '"g"' },
      problem: /^program feed http:\/\/127\.0\.0\.1:\d+\/democon\/schedule\/export\/schedule\.json: error: /,
    },
    {
      label: 'a timeout',
      answer: { status: 200, body: '', etag: '"t"', hang: true },
      problem: /cannot be fetched \(no answer within the time limit\)/,
    },
  ])('$label keeps the last good program, with one clear line', async ({ answer, problem }) => {
    const f = await open({ timeoutMs: 300 });
    const good = f.current.program;
    const changes: ProgramChange[] = [];
    f.onChange((c) => changes.push(c));
    feed.answer = answer;
    const rejected = await until(() => changes.find((c) => c.type === 'rejected'));
    expect(rejected.type === 'rejected' && rejected.problem.message).toMatch(problem);
    expect(f.problem!.message).toMatch(/still showing the last good version$/);
    expect(f.current.program).toBe(good);
    // The feed comes back: the problem line goes.
    feed.answer = { status: 200, body: EXPORT, etag: '"v1"' };
    await until(() => f.problem === null, 8000);
  });

  test('backs off while the feed fails (the wait doubles), and polls at its pace again once it answers', async () => {
    await open({ intervalMs: 100 });
    await until(() => feed.requests.length >= 2);
    feed.answer = { status: 500, body: 'oops', etag: '"x"' };
    const failedFrom = feed.requests.length;
    await until(() => feed.requests.length >= failedFrom + 4, 8000);
    const gaps = (from: number, n: number) =>
      feed.requests
        .slice(from, from + n + 1)
        .map((r, i, all) => (i === 0 ? 0 : r.at - all[i - 1]!.at))
        .slice(1);
    // After the 1st, 2nd and 3rd failures: 200, 400 and 800 ms (each at least that; a little more is the machine).
    const failing = gaps(failedFrom, 3);
    expect(failing[0]).toBeGreaterThanOrEqual(190);
    expect(failing[1]).toBeGreaterThanOrEqual(390);
    expect(failing[2]).toBeGreaterThanOrEqual(790);
    feed.answer = { status: 200, body: EXPORT, etag: '"v1"' };
    const backFrom = feed.requests.length;
    await until(() => feed.requests.length >= backFrom + 4, 8000);
    const back = gaps(backFrom + 1, 2); // from the first good answer on
    // Back at its pace (100 ms); without the reset the wait would be 1,600 ms or more after four failures. The
    // margin is for a machine under load, where a 100 ms timer can fire a few hundred ms late.
    expect(Math.max(...back)).toBeLessThan(1000);
  }, 15_000);

  test('a web page instead of the export (a login or error page) is named as such', async () => {
    const f = await open();
    const changes: ProgramChange[] = [];
    f.onChange((c) => changes.push(c));
    feed.answer = { status: 200, body: '<!DOCTYPE html>\n<html><title>Log in</title></html>', etag: '"login"' };
    const rejected = await until(() => changes.find((c) => c.type === 'rejected'));
    expect(rejected.type === 'rejected' && rejected.problem.message).toBe(
      `program feed ${feed.url} answered a web page (HTML), not an export: check the URL, or whether the export needs a login; still showing the last good version`,
    );
  });

  test('starts without network from the copy saved last time, and says so', async () => {
    (await open()).close();
    feed.answer = { status: 503, body: '', etag: '"down"' };
    const f = await open();
    expect(f.current.program.rooms.map((r) => r.name)).toEqual(['Gray Room', 'Tan Room']);
    expect(f.problem!.message).toMatch(/cannot be fetched \(HTTP 503.*\(the copy saved \d{4}-\d\d-\d\dT/);
  });

  test('cannot start with no feed and no saved copy: the error says what to do', async () => {
    feed.answer = { status: 404, body: '', etag: '"404"' };
    await expect(open()).rejects.toThrow(/cannot load the program feed .*: HTTP 404.*there is no saved copy yet/);
  });
});

describe('a show on a feed', () => {
  let running: RunningShow | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });

  test('the room by its displayed name; a change in the export is summarised for the control view', async () => {
    const views = mkdtempSync(join(tmpdir(), 'roomcue-views-'));
    running = await startShow({
      programFile: feed.url,
      feedIntervalMs: 100,
      room: 'tan room',
      host: '127.0.0.1',
      port: 0,
      pin: null,
      stateDir: cacheDir,
      staticDir: views,
      at: '2020-12-14T07:00',
    });
    const url = running.server.url;
    const state = async () => (await fetch(`${url}/api/state?room=${encodeURIComponent('Gray Room')}`)).json();
    expect((await state()).program.lastChange).toBeNull();
    expect(running.show.defaultRoom).toBe('tan-room');
    const startBefore = Date.parse(
      (await state()).day.find((i: { title: string }) => i.title === 'Focused 5thgeneration hardware').start,
    );
    feed.answer = { status: 200, body: movedExport(), etag: '"v2"' };
    let summary: string | undefined;
    for (let i = 0; i < 100 && !summary; i++) {
      summary = (await state()).program.lastChange?.summary;
      if (!summary) await new Promise((r) => setTimeout(r, 50));
    }
    expect(summary).toMatch(
      /^1 change: 'Focused 5thgeneration hardware' moved \d\d:\d\d–\d\d:\d\d → \d\d:\d\d–\d\d:\d\d$/,
    );
    const start = async () =>
      Date.parse(
        (await state()).day.find((i: { title: string }) => i.title === 'Focused 5thgeneration hardware').start,
      );
    expect((await start()) - startBefore).toBe(30 * 60_000);
  });
});

describe('roomcue serve --program <the URL of an export>', () => {
  test("prints what the import guessed; the door shows the times the export prints; --room by the room's name", async () => {
    const lines: string[] = [];
    let state: { room: string; current: { title: string; start: string }[] } | null = null;
    const code = await runServe(
      { program: feed.url, room: 'TAN ROOM', at: '2020-12-14T09:10', port: '0', stateDir: cacheDir },
      { out: (l) => lines.push(l), err: (l) => lines.push(l) },
      async () => {
        const api = lines.map((l) => /^\s+api\s+(\S+)$/.exec(l)?.[1]).find(Boolean)!;
        state = (await (await fetch(api)).json()) as typeof state;
      },
    );
    expect(code).toBe(0);
    expect(lines[0]).toBe('Roomcue serving "DemoCon", room tan-room');
    expect(lines).toContain(
      `  ${feed.url}: warning: guessed: time_zone_name is UTC but the dates are written with +01:00: screens show the times the export prints, in Etc/GMT-1 (UTC+01:00 all year); give the event's own zone with --zone (e.g. --zone Europe/Berlin) if it has summer time`,
    );
    // "date": "2020-12-14T09:00:00+01:00", "start": "09:00" in the export: 09:00 on the door, not 08:00.
    expect(state!.room).toBe('tan-room');
    expect(state!.current.map((i) => [i.title, i.start])).toEqual([
      ['Managed stable function', '2020-12-14T09:00:00+01:00'],
    ]);
  });
});

describe("a feed's changes go under the operator's edits", () => {
  test('an edited title stays while the export moves another talk; the control hears of the move', async () => {
    const running = await startShow({
      programFile: feed.url,
      feedIntervalMs: 100,
      host: '127.0.0.1',
      port: 0,
      pin: null,
      at: '2020-12-14T07:00',
      stateDir: cacheDir,
      staticDir: mkdtempSync(join(tmpdir(), 'roomcue-views-')),
    });
    try {
      const url = running.server.url;
      const day = async () =>
        (
          (await (await fetch(`${url}/api/state?room=gray-room`)).json()) as {
            day: { id: string; title: string; start: string }[];
          }
        ).day;
      const first = (await day()).find((i) => i.title === 'Focused 5thgeneration hardware')!;
      const other = (await day()).find((i) => i.id !== first.id)!;
      const edit = await fetch(`${url}/api/actions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'program.item.update',
          room: 'gray-room',
          itemId: other.id,
          set: { title: 'Retitled at the desk' },
        }),
      });
      expect(edit.status).toBe(200);
      feed.answer = { status: 200, body: movedExport(), etag: '"v2"' };
      let moved: { id: string; title: string; start: string } | undefined;
      for (let i = 0; i < 100; i++) {
        moved = (await day()).find((x) => x.id === first.id);
        if (moved && Date.parse(moved.start) !== Date.parse(first.start)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(Date.parse(moved!.start) - Date.parse(first.start)).toBe(30 * 60_000);
      expect((await day()).find((x) => x.id === other.id)!.title).toBe('Retitled at the desk');
      const status = (await (await fetch(`${url}/api/state?room=gray-room`)).json()) as {
        program: { lastChange: { summary: string } | null };
      };
      expect(status.program.lastChange?.summary).toMatch(/^1 change: 'Focused 5thgeneration hardware' moved /);
    } finally {
      await running.close();
    }
  });
});

describe('real exports served over HTTP, the room named as the schedule prints it', () => {
  test.each([
    { file: 'pretalx-democon.json', room: 'Tan Room', id: 'tan-room' },
    { file: 'frab-small.xml', room: 'saal 2', id: 'saal-2' },
    { file: 'indico-timetable.json', room: '40/S2-A01 - Salle Anderson', id: '40-s2-a01-salle-anderson' },
  ])('$file, --room "$room"', async ({ file, room, id }) => {
    feed.answer = { status: 200, body: readFileSync(repoPath(`tests/fixtures/import/${file}`), 'utf8'), etag: '"x"' };
    const running = await startShow({
      programFile: feed.url,
      room,
      host: '127.0.0.1',
      port: 0,
      pin: null,
      stateDir: cacheDir,
      staticDir: mkdtempSync(join(tmpdir(), 'roomcue-views-')),
    });
    try {
      expect(running.show.defaultRoom).toBe(id);
      const state = await (await fetch(`${running.server.url}/api/state?room=${encodeURIComponent(room)}`)).json();
      expect(state.room).toBe(id);
    } finally {
      await running.close();
    }
  });
});
