// The sentences of the door screen, built from the state's items: pure, so each wording is a table-driven test.
import type { ItemJson, PersonJson } from '../../../core/schedule/screen-json.ts';
import { isBreakKind, kindLabel, type Lang } from '../../../core/schedule/kinds.ts';
import { daysApart, dayName, eventDay, localDate } from '../../lib/days.ts';
import { clockTime, shortDuration } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { words } from './words.ts';

/** Within this much of its start, the next item says "starts in 25 min". */
export const STARTS_IN_WITHIN_MS = 60 * 60_000;

export function isBreakItem(item: Pick<ItemJson, 'kind'>): boolean {
  return isBreakKind(item.kind);
}

/** What the item is: its kind ("Keynote"), or for a break or a meal its own title ("Coffee break", "Lunch"). */
export function kindHeading(item: Pick<ItemJson, 'kind' | 'title'>, lang: Lang): string {
  return isBreakKind(item.kind) ? item.title : kindLabel(item.kind, lang);
}

/** "Cancelled · Speaker ill" (the reason when the door may show it), null for an item that happens. */
export function cancelledLine(item: Pick<ItemJson, 'cancelled'>, lang: Lang): string | null {
  if (!item.cancelled) return null;
  return [t(lang).cancelled, item.cancelled.reason].filter(Boolean).join(' · ');
}

/** "09:30–10:10" in the program's zone. */
export function timeRange(item: Pick<ItemJson, 'start' | 'end'>, zone: string): string {
  return `${clockTime(item.start, zone)}–${clockTime(item.end, zone)}`;
}

/**
 * The times of an item on now: its live times ("09:45–10:25" after the chair started it late at 09:45), but run past
 * its time it ends when its time was up (`timeUpMs`, see stage.ts timeUpAt): "09:30–10:10 · running 7 min over", not
 * "09:30–10:17", whose end was only the instant of the last state.
 */
export function nowRange(item: Pick<ItemJson, 'start' | 'end'>, zone: string, timeUpMs: number | null): string {
  return timeUpMs === null ? timeRange(item, zone) : `${clockTime(item.start, zone)}–${clockTime(timeUpMs, zone)}`;
}

const UNKNOWN = /^(tba|tbd|tbc|n\/a)$/i;

/** Names a public screen can show: "TBA" and the like say nothing to a passer-by. */
export function knownPeople(names: string[]): string[] {
  return names.filter(isKnownName);
}

/** The item's speakers a public screen can show (not "TBA"). */
export function knownSpeakers(item: Pick<ItemJson, 'speakers'>): PersonJson[] {
  return item.speakers.filter(isKnownPerson);
}

/** "Ada Lovelace, Alan Turing": the known speakers' names, as the agenda lists them. */
export function knownSpeakerNames(item: Pick<ItemJson, 'speakers'>): string {
  return knownSpeakers(item).map(personName).join(', ');
}

const isKnownName = (name: string): boolean => !UNKNOWN.test(name.trim());
const isKnownPerson = (p: PersonJson): boolean => isKnownName(p.name);
const personName = (p: PersonJson): string => p.name;

/** "and 3 others" after the names a card has room for. */
export function andOthers(count: number, lang: Lang): string {
  return lang === 'fr' ? `et ${count} autre${count > 1 ? 's' : ''}` : `and ${count} other${count > 1 ? 's' : ''}`;
}

/** "Keynotes · Chair: Nahid Emad"; the session's title is left out when it repeats the item's. */
export function sessionLine(item: Pick<ItemJson, 'title' | 'session'>, lang: Lang): string | null {
  const s = item.session;
  if (!s) return null;
  const w = t(lang);
  const chairs = knownPeople(s.chairs);
  const moderators = knownPeople(s.moderators);
  const colon = words(lang).colon;
  const parts = [
    s.title.trim().toLowerCase() === item.title.trim().toLowerCase() ? null : s.title,
    chairs.length ? `${chairs.length > 1 ? w.chairs : w.chair}${colon}${chairs.join(', ')}` : null,
    moderators.length
      ? `${moderators.length > 1 ? words(lang).moderators : w.moderator}${colon}${moderators.join(', ')}`
      : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : null;
}

/** "Coffee break until 11:20". */
export function untilLine(item: Pick<ItemJson, 'kind' | 'title'>, endMs: number, zone: string, lang: Lang): string {
  return words(lang).untilTime(kindHeading(item, lang), clockTime(endMs, zone));
}

/** "25 min left" while time remains, null at zero and after (the public needs no overtime). */
export function timeLeftText(remainingMs: number, lang: Lang): string | null {
  return remainingMs > 0 ? words(lang).minLeft(shortDuration(remainingMs, lang)) : null;
}

/** "running 3 min over" once an item held on stage is past its time ("running over" in its first minute). */
export function runningOverText(overMs: number, lang: Lang): string {
  return words(lang).runningOver(Math.floor(overMs / 60_000));
}

/**
 * The time line of an item on now: "running 3 min over" while it is held past its time (`overMs`, stage.ts
 * overtimeMs), else "25 min left" while time remains, else null.
 */
export function timeLine(remainingMs: number, overMs: number | null, lang: Lang): string | null {
  return overMs !== null ? runningOverText(overMs, lang) : timeLeftText(remainingMs, lang);
}

/**
 * The strip of a break on now above NEXT: "Coffee break until 11:20" and "25 min left". Held past its time it runs
 * until when its time was up (`timeUpMs`, stage.ts timeUpAt), never the instant of the last state, and "running 2 min
 * over", as the card of the day's last break on now says "17:50–18:00 · running 2 min over".
 */
export function breakStripLines(
  item: Pick<ItemJson, 'kind' | 'title'>,
  progress: { endMs: number; remainingMs: number },
  overMs: number | null,
  timeUpMs: number | null,
  zone: string,
  lang: Lang,
): { what: string; left: string | null } {
  const endMs = overMs !== null && timeUpMs !== null ? timeUpMs : progress.endMs;
  return { what: untilLine(item, endMs, zone, lang), left: timeLine(progress.remainingMs, overMs, lang) };
}

/**
 * What NEXT waits for while the item on stage is held past its time: "after this talk", or "after the break" when that
 * item is a break or a meal (`afterBreak`).
 */
export function afterCurrentText(afterBreak: boolean, lang: Lang): string {
  return afterBreak ? words(lang).afterTheBreak : words(lang).afterThisTalk;
}

/** Whether the item on stage (the one NEXT waits for while it is held) is a break or a meal. */
export function breakOnStage(state: { stage: { itemId: string | null }; current: Pick<ItemJson, 'id' | 'kind'>[] }) {
  const id = state.stage.itemId;
  return id !== null && state.current.some((i) => i.id === id && isBreakItem(i));
}

/** "starts in 25 min" when the start is close, "starting now" at it, null when it is further than `within`. */
export function startsInText(untilStartMs: number, lang: Lang, within = STARTS_IN_WITHIN_MS): string | null {
  if (untilStartMs > within) return null;
  if (untilStartMs <= 30_000) return words(lang).startingNow;
  return `${t(lang).startsIn} ${shortDuration(untilStartMs, lang)}`;
}

/**
 * Days of the event from `now`'s to `at`'s (0: the same day; 1: the next), in the program's zone; `dayChange` (minutes
 * after midnight, the state's `dayChange`) says when one day ends: at 23:45, a 01:00 talk of the same night is today's.
 */
function daysBetween(at: number, now: number, zone: string, dayChange: number): number {
  return daysApart(eventDay(now, zone, dayChange), eventDay(at, zone, dayChange));
}

/**
 * Whether the next day of the event may be called "tomorrow" at `now`: not in the small hours of a night that still
 * belongs to the day before (after midnight, before `dayChange`), when the clock already shows that next day's date
 * and "tomorrow" would read as the day after it.
 */
function saysTomorrow(now: number, zone: string, dayChange: number): boolean {
  return dayChange === 0 || eventDay(now, zone, dayChange) === localDate(now, zone);
}

/** "Wednesday 1 July": the name of the day of the event `at` belongs to. */
function dayOf(at: number, zone: string, lang: Lang, dayChange: number): string {
  return dayName(eventDay(at, zone, dayChange), lang);
}

/** "Today", "Tomorrow", else "Wednesday 1 July": the day of `at` seen from `now`, in the program's zone. */
export function dayWord(at: number, now: number, zone: string, lang: Lang, dayChange = 0): string {
  const days = daysBetween(at, now, zone, dayChange);
  if (days === 0) return words(lang).today;
  if (days === 1 && saysTomorrow(now, zone, dayChange)) return t(lang).tomorrow;
  return capitalise(dayOf(at, zone, lang, dayChange));
}

/** A day's heading in the list: "Today", "Tomorrow, Tuesday 30 June", else "Wednesday 1 July". */
export function dayHeading(at: number, now: number, zone: string, lang: Lang, dayChange = 0): string {
  const days = daysBetween(at, now, zone, dayChange);
  if (days === 0) return words(lang).today;
  if (days === 1 && saysTomorrow(now, zone, dayChange))
    return `${t(lang).tomorrow}, ${dayOf(at, zone, lang, dayChange)}`;
  return capitalise(dayOf(at, zone, lang, dayChange));
}

/** The day of an item that is not today ("Tomorrow", "Wednesday 1 July"), null when it is today. */
export function otherDay(at: number, now: number, zone: string, lang: Lang, dayChange = 0): string | null {
  return daysBetween(at, now, zone, dayChange) === 0 ? null : dayWord(at, now, zone, lang, dayChange);
}

/** "Starts in 1 h 05" the same day, else "Tuesday 30 June, 08:30". */
export function eventCountdown(startMs: number, now: number, zone: string, lang: Lang, dayChange = 0): string {
  const ms = startMs - now;
  if (ms <= 30_000) return capitalise(words(lang).startingNow);
  if (daysBetween(startMs, now, zone, dayChange) === 0)
    return capitalise(`${t(lang).startsIn} ${shortDuration(ms, lang)}`);
  return `${capitalise(dayOf(startMs, zone, lang, dayChange))}, ${clockTime(startMs, zone)}`;
}

/** The strip above the first item before the event or between its days. */
export function leadLines(
  phase: 'before-event' | 'between-days',
  first: Pick<ItemJson, 'start'> | null,
  now: number,
  zone: string,
  lang: Lang,
  dayChange = 0,
): { title: string; detail: string | null } {
  const w = words(lang);
  if (!first) return { title: phase === 'before-event' ? w.welcome : w.seeYouTomorrow, detail: null };
  const startMs = Date.parse(first.start);
  const days = daysBetween(startMs, now, zone, dayChange);
  // Between days: the event has begun, so no "Welcome" unless the next day is today; after a day with nothing, soon.
  const between =
    days === 0 ? w.welcome : days === 1 && saysTomorrow(now, zone, dayChange) ? w.seeYouTomorrow : w.seeYouSoon;
  return {
    title: phase === 'between-days' ? between : w.welcome,
    detail: eventCountdown(startMs, now, zone, lang, dayChange),
  };
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The logo block's letters when there is no logo: "DP2E-AI 2026" → ["DP2E", "AI"]; "Open Data Day" → ["ODD"]. */
export function monogram(name: string): string[] {
  // Module functions as callbacks (no closure made at each call): the header's derived value runs at every state.
  const tokens = name.split(/\s+/).filter(isWord);
  const first = tokens[0] ?? '';
  if (first.length >= 2 && first.length <= 9 && first === first.toUpperCase() && /[A-Z]/.test(first)) {
    return first.split('-').filter(Boolean).slice(0, 2);
  }
  // Whole characters (code points), not UTF-16 halves: a letter outside the BMP stays one letter.
  const initials = Array.from(tokens.map(initial).join('')).slice(0, 3).join('');
  return [initials || '•'];
}

/** A word that starts with a letter or digit: not a year, not an emoji (its first UTF-16 unit alone shows as "�"). */
const isWord = (w: string): boolean => /^[\p{L}\p{N}]/u.test(w) && !/^\d+$/.test(w);
const initial = (w: string): string => String.fromCodePoint(w.codePointAt(0)!).toUpperCase();

/** A room's name that already says it is a room ("Gray Room", "Salle Dupont", "Main Hall"): no "Room" before it. */
const ROOM_WORD =
  /(?:^|[\s\-–(])(?:room|salle|saal|raum|sala|hall|aula|auditorium|amphi(?:theatre|théâtre)?)(?=$|[\s\-–)\d])/i;

/**
 * The header's second line: "Room L108-A · Mines Paris – PSL". "Room" is left out when the name says it already
 * (exports name rooms "Gray Room", "Room A"), the venue when it only repeats the event's name (an export with none).
 */
export function whereLine(roomName: string, venue: string, eventName: string, lang: Lang): string {
  const room = ROOM_WORD.test(roomName) ? roomName : `${t(lang).room} ${roomName}`;
  return venue.trim().toLowerCase() === eventName.trim().toLowerCase() ? room : `${room} · ${venue}`;
}

/** What a card shows of an item apart from its times: who, what, where, whether it is cancelled. */
export type ItemWhat = Omit<ItemJson, 'start' | 'end' | 'plannedStart' | 'plannedEnd' | 'day'>;

const whats = new Map<string, ItemWhat>();

/**
 * What `item` is apart from its times: the object given last for the same item when none of that changed, so that a
 * card whose item only moved in time (a delay, a timer's minute added) redoes its times and not its texts, speakers
 * and fitting. A card reads its times from the item itself, never from this (its times may be an earlier state's).
 * Kept by item id, the last one of each.
 */
export function itemWhat(item: ItemJson): ItemWhat {
  const kept = whats.get(item.id);
  if (kept && sameWhat(kept, item)) return kept;
  // Bounded: a program's items, or a fresh start past a few reloads of other programs.
  if (whats.size >= 2000) whats.clear();
  whats.set(item.id, item);
  return item;
}

function sameWhat(a: ItemWhat, b: ItemWhat): boolean {
  return (
    a === b ||
    (a.kind === b.kind &&
      a.title === b.title &&
      a.subtitle === b.subtitle &&
      a.room === b.room &&
      a.url === b.url &&
      JSON.stringify(a.speakers) === JSON.stringify(b.speakers) &&
      JSON.stringify(a.location) === JSON.stringify(b.location) &&
      JSON.stringify(a.session) === JSON.stringify(b.session) &&
      JSON.stringify(a.cancelled) === JSON.stringify(b.cancelled))
  );
}

/**
 * The direction a text reads in, from its first letter: "rtl" for Arabic, Hebrew and the other right-to-left
 * scripts, else "ltr". For text a fitting action writes after the element is in the page, where the browser does not
 * settle `dir="auto"` again (Chromium 156 kept an Arabic title left to right).
 */
export function textDir(text: string): 'rtl' | 'ltr' {
  const first = /\p{L}/u.exec(text)?.[0] ?? '';
  return RTL.test(first) ? 'rtl' : 'ltr';
}

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
