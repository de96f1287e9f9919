// The editor's Insert preview and the server's insert on the nights the clocks change (Europe/Paris): what the preview
// shows is what the server does, whatever the machine's TZ (npm run test:tz). Program times are wall-clock times of
// the program's zone; in the autumn hour that happens twice (02:00–03:00 on 2026-10-25) they name the second one.
import { describe, expect, it } from 'vitest';
import { editFor } from '../../core/edits/program-actions.ts';
import { checkEdit, findItem } from '../../core/edits/overlay.ts';
import { parseAction, type Action } from '../../core/live/actions.ts';
import { parseProgramJson } from '../../core/program/parse.ts';
import type { Program, ProgramInput } from '../../core/program/schema.ts';
import { itemJson } from '../../core/schedule/screen-json.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { parseLocal } from '../../core/time.ts';
import {
  clockNote,
  insertedItem,
  insertPlan,
  moveAction,
  timeForm,
  timeNotes,
} from '../../renderer/views/control/rundown.ts';

const ZONE = 'Europe/Paris';

function program(items: [string, string, string, string][]): Program {
  const input: ProgramInput = {
    formatVersion: 1,
    event: { id: 'night', name: 'Night of the clocks' },
    timezone: ZONE,
    venue: { name: 'Hall' },
    rooms: [{ id: 'R', name: 'Room R' }],
    items: items.map(([id, title, start, end]) => ({ id, kind: 'talk', title, start, end, room: 'R' })),
  };
  const parsed = parseProgramJson(input);
  if (!parsed.program) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.program;
}

// 25 October 2026: summer time (UTC+02:00) until 03:00, then 02:00–03:00 again in winter time (UTC+01:00).
const autumn = () =>
  program([
    ['a0', 'Before midnight', '2026-10-25T00:30', '2026-10-25T01:00'],
    ['a1', 'Summer-time talk', '2026-10-25T01:00', '2026-10-25T01:30'],
    ['a2', 'Second two o’clock', '2026-10-25T02:00', '2026-10-25T02:30'],
    ['a3', 'Half past, again', '2026-10-25T02:30', '2026-10-25T03:00'],
    ['a4', 'Three o’clock', '2026-10-25T03:00', '2026-10-25T04:00'],
  ]);
// 29 March 2026: 02:00 is 03:00 (02:00–03:00 does not exist).
const spring = () =>
  program([
    ['s0', 'Winter-time talk', '2026-03-29T01:00', '2026-03-29T01:50'],
    ['s1', 'Summer starts', '2026-03-29T03:00', '2026-03-29T03:30'],
    ['s2', 'Later', '2026-03-29T03:30', '2026-03-29T04:00'],
  ]);

/** The editor's preview of inserting `minutes` after `afterId`, from the state the control gets. */
function preview(p: Program, afterId: string, minutes: number) {
  const timeline = buildTimeline(p);
  const day = timeline.items.map((i) => itemJson(i, ZONE));
  const after = day.find((i) => i.id === afterId)!;
  return {
    plan: insertPlan(after, minutes, day, 'R', ZONE),
    item: insertedItem(after, 'Announcement', minutes, 'talk', 'R', 0, ZONE),
  };
}

/** What the server makes of the item the editor sends: the merged program, or its refusal. */
function server(p: Program, item: object, shiftFollowing: boolean) {
  const parsed = parseAction({ type: 'program.item.add', item, shiftFollowing });
  if (!parsed.ok) throw new Error(parsed.message);
  const request = editFor(p, buildTimeline(p), parsed.action as Extract<Action, { type: 'program.item.add' }>, 'R');
  const check = checkEdit(p, [], request.edit);
  if (!check.ok) throw new Error(check.reason);
  return check.merged.program;
}

const span = (p: Program, id: string) => {
  const i = findItem(p, id)!;
  return `${i.start.slice(11)}–${i.end.slice(11)}`;
};
const minutesOf = (p: Program, id: string) => {
  const i = findItem(p, id)!;
  const s = parseLocal(i.start, ZONE);
  const e = parseLocal(i.end, ZONE);
  return s.ok && e.ok ? (e.at - s.at) / 60_000 : NaN;
};

describe('insert on the night the clocks go back (Paris, 2026-10-25)', () => {
  it('at 02:30 (after the second 02:00–02:30): 02:30–03:00, overlapping the 02:30; the server agrees', () => {
    const p = autumn();
    const { plan, item } = preview(p, 'a2', 30);
    expect(plan).toEqual({
      start: '02:30',
      end: '03:00',
      overlaps: [{ id: 'a3', title: 'Half past, again', start: '02:30', end: '03:00' }],
      moves: 2,
      clockChange: false,
      unnamed: null,
      shiftUnnamed: null,
    });
    const merged = server(p, item, true);
    expect(minutesOf(merged, item.id)).toBe(30);
    expect(span(merged, 'a3')).toBe('03:00–03:30');
    expect(span(merged, 'a4')).toBe('03:30–04:30');
  });

  it('60 min after 01:30 summer time would end at the first 02:30, which no program time names: the editor says so', () => {
    const { plan } = preview(autumn(), 'a1', 60);
    // The server reads "02:30" as the second one: the item would last 2 hours, not 60 min.
    expect(plan.unnamed).toEqual({ end: '02:30', shorter: 29, longer: 90 });
  });

  it('90 min after 01:30 ends at the second 02:00: 01:30–02:00 (the clocks go back during it), as the server reads it', () => {
    const p = autumn();
    const { plan, item } = preview(p, 'a1', 90);
    expect([plan.start, plan.end, plan.clockChange, plan.unnamed]).toEqual(['01:30', '02:00', true, null]);
    const merged = server(p, item, true);
    expect(minutesOf(merged, item.id)).toBe(90);
    expect(span(merged, 'a2')).toBe('03:30–04:00');
  });

  it('moving the rest 30 min later would put a summer-time talk’s end at the first 02:00: the editor and the server refuse it', () => {
    const p = autumn();
    const { plan, item } = preview(p, 'a0', 30);
    expect([plan.start, plan.end, plan.unnamed]).toEqual(['01:00', '01:30', null]);
    expect(plan.shiftUnnamed).toEqual({ title: 'Summer-time talk', end: '02:00' });
    expect(() => server(p, item, true)).toThrow(
      'shiftFollowing: “Summer-time talk” would end at 02:00 before the clocks go back, a time a program cannot name (its 02:00 is the one after): insert without moving the rest of the day, or choose another length',
    );
    // Without moving the rest, the insert is what the preview says.
    expect(minutesOf(server(p, item, false), item.id)).toBe(30);
  });
});

describe('insert across the spring gap (Paris, 2026-03-29)', () => {
  it('20 min after 01:50 ends at 03:10 (02:00 is 03:00), overlapping the 03:00; the server agrees', () => {
    const p = spring();
    const { plan, item } = preview(p, 's0', 20);
    expect(plan).toEqual({
      start: '01:50',
      end: '03:10',
      overlaps: [{ id: 's1', title: 'Summer starts', start: '03:00', end: '03:30' }],
      moves: 2,
      clockChange: true,
      unnamed: null,
      shiftUnnamed: null,
    });
    expect(item.end).toBe('2026-03-29T03:10');
    const merged = server(p, item, true);
    expect(minutesOf(merged, item.id)).toBe(20);
    expect(span(merged, 's1')).toBe('03:20–03:50');
  });
});

describe('the time editor in the hour the clocks repeat (Paris, 2026-10-25)', () => {
  const at = (p: Program, id: string) => itemJson(buildTimeline(p).byId.get(id)!, ZONE);

  it('shows the second 02:00–02:30 as 02:00–02:30 and says that 02:00 happens twice; the server keeps it there', () => {
    const p = autumn();
    const a2 = at(p, 'a2');
    const form = timeForm(a2, 'R');
    expect(form).toEqual({ day: '2026-10-25', start: '02:00', end: '02:30', room: 'R' });
    expect(clockNote(form.day, form.start, ZONE)).toBe('twice');
    expect(clockNote(form.day, '03:00', ZONE)).toBeNull();
    expect(clockNote(form.day, '01:59', ZONE)).toBeNull();
  });

  it('a summer-time talk moved to 02:15 goes to the second 02:15 (winter time), 30 min long, as the note says', () => {
    const p = autumn();
    const a1 = at(p, 'a1');
    const move = moveAction(a1, { ...timeForm(a1, 'R'), start: '02:15' }, 'R');
    expect(move).toEqual({
      ok: true,
      value: { type: 'program.item.move', itemId: 'a1', start: '2026-10-25T02:15' },
    });
    expect(clockNote('2026-10-25', '02:15', ZONE)).toBe('twice');
    const parsed = parseAction(move.ok ? move.value : null);
    if (!parsed.ok) throw new Error(parsed.message);
    const request = editFor(p, buildTimeline(p), parsed.action as Extract<Action, { type: 'program.item.move' }>, 'R');
    const check = checkEdit(p, [], request.edit);
    if (!check.ok) throw new Error(check.reason);
    const moved = itemJson(buildTimeline(check.merged.program).byId.get('a1')!, ZONE);
    expect([moved.plannedStart, moved.plannedEnd]).toEqual(['2026-10-25T02:15:00+01:00', '2026-10-25T02:45:00+01:00']);
  });

  it('a time the clocks skip in spring is said before it is sent (the server refuses it)', () => {
    expect(clockNote('2026-03-29', '02:30', ZONE)).toBe('skipped');
    expect(clockNote('2026-03-29', '03:00', ZONE)).toBeNull();
    expect(clockNote('2026-06-29', '02:30', ZONE)).toBeNull();
  });
});

describe('the time editor’s notes read the dates the move is sent with', () => {
  // An evening program whose days change at 04:00: a talk from 23:30 on the event day of 24 October that ends at
  // 02:15 ends on the night the clocks go back, at the second 02:15, as the move says.
  const item = itemJson(
    buildTimeline(program([['late', 'Late talk', '2026-10-24T23:30', '2026-10-25T00:15']])).byId.get('late')!,
    ZONE,
  );
  const form = { ...timeForm(item, 'R', 240), end: '02:15' };

  it('an end after midnight, before the day change: the note is for 25 October, the date the move sends', () => {
    expect(form.day).toBe('2026-10-24');
    const move = moveAction(item, form, 'R', 240);
    expect(move.ok && move.value).toMatchObject({ end: '2026-10-25T02:15' });
    expect(timeNotes(form, ZONE, 240)).toEqual([{ clock: '02:15', kind: 'twice' }]);
  });

  it('a start and end both in the night, after midnight: 25 October for both; a day that changes at midnight too', () => {
    expect(timeNotes({ day: '2026-10-24', start: '01:00', end: '02:15' }, ZONE, 240)).toEqual([
      { clock: '02:15', kind: 'twice' },
    ]);
    expect(timeNotes({ day: '2026-10-24', start: '23:30', end: '02:15' }, ZONE, 0)).toEqual([
      { clock: '02:15', kind: 'twice' },
    ]);
    expect(timeNotes({ day: '2026-03-28', start: '23:30', end: '02:30' }, ZONE, 240)).toEqual([
      { clock: '02:30', kind: 'skipped' },
    ]);
    expect(timeNotes({ day: '2026-10-25', start: '02:00', end: '02:00' }, ZONE, 0)).toEqual([
      { clock: '02:00', kind: 'twice' },
    ]);
  });
});
