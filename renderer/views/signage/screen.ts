// Which screen the door shows for a state: the server decides what is on; this only picks the layout for it.
import type { StateJson } from '../../../core/contract/state.ts';
import type { CurrentItemJson, ItemJson } from '../../../core/schedule/screen-json.ts';
import { isBreakItem } from './text.ts';

export interface AgendaRow {
  item: ItemJson;
  status: 'current' | 'next' | 'later';
}

export type SignageScreen =
  | { kind: 'connecting' }
  | { kind: 'blackout' }
  | { kind: 'after-event' }
  /** Before the first item, or between days: the first item to come is the hero. */
  | { kind: 'before-event' | 'between-days'; first: ItemJson | null; agenda: AgendaRow[] }
  /** Only breaks or meals on (or a gap within a day): what comes next is the hero, the break a strip above it. */
  | { kind: 'in-break'; breaks: CurrentItemJson[]; next: ItemJson | null; agenda: AgendaRow[] }
  /** A talk (or two things at once) on. */
  | { kind: 'in-session'; current: CurrentItemJson[]; next: ItemJson | null; agenda: AgendaRow[] };

export function signageScreen(state: StateJson | null): SignageScreen {
  if (!state) return { kind: 'connecting' };
  if (state.blackout) return { kind: 'blackout' };
  const agenda = agendaRows(state);
  switch (state.phase) {
    case 'after-event':
      return { kind: 'after-event' };
    case 'before-event':
    case 'between-days':
      return { kind: state.phase, first: state.next, agenda };
    case 'in-break':
      return { kind: 'in-break', breaks: state.current, next: state.next, agenda };
    case 'in-session':
      if (state.current.length === 0) return { kind: 'in-break', breaks: [], next: state.next, agenda };
      return { kind: 'in-session', current: inRoomFirst(state.current), next: state.next, agenda };
  }
}

/** Several things on at once: what happens behind this door first, then breaks, then what is elsewhere. */
export function inRoomFirst<T extends ItemJson>(items: T[]): T[] {
  const rank = (i: T) => (i.location ? 2 : 0) + (isBreakItem(i) ? 1 : 0);
  return items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.order - b.order)
    .map((x) => x.item);
}

/** The rest of the day, compact: what is on (highlighted), next, later, in order of start. */
export function agendaRows(state: Pick<StateJson, 'current' | 'next' | 'later'>): AgendaRow[] {
  const rows: AgendaRow[] = [];
  const seen = new Set<string>();
  const add = (item: ItemJson, status: AgendaRow['status']) => {
    if (seen.has(item.id)) return;
    seen.add(item.id);
    rows.push({ item, status });
  };
  for (const item of state.current) add(item, 'current');
  if (state.next) add(state.next, 'next');
  for (const item of state.later) add(item, 'later');
  return rows
    .map((row, order) => ({ row, order }))
    .sort((a, b) => Date.parse(a.row.item.start) - Date.parse(b.row.item.start) || a.order - b.order)
    .map((x) => x.row);
}
