// Times and durations as screens show them: always in the program's zone, in the view's language.
import { DateTime } from 'luxon';
import type { Lang } from '../../core/schedule/kinds.ts';

const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

/** "10:50" from an ISO instant or epoch ms, in `zone`. */
export function clockTime(at: string | number, zone: string): string {
  const dt = typeof at === 'number' ? DateTime.fromMillis(at) : DateTime.fromISO(at, { setZone: true });
  return dt.setZone(zone).toFormat('HH:mm');
}

/** "Monday 29 June" / "lundi 29 juin". */
export function dayLine(at: number, zone: string, lang: Lang): string {
  return DateTime.fromMillis(at).setZone(zone).setLocale(LOCALE[lang]).toFormat('cccc d LLLL');
}

/** A countdown: "39:59", "1:05:00"; at zero and below it counts up, "+0:05". Whole seconds, rounded up. */
export function countdown(remainingMs: number): string {
  const over = remainingMs <= 0;
  const total = over ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  const body = `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
  return over ? `+${body}` : body;
}

/** "25 min", "1 h 05", "45 s": a duration for a sentence (the same in English and French). */
export function shortDuration(ms: number, _lang?: Lang): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  // Rounded up like a countdown, with a second's grace for clock noise: 40:00.4 left still reads "40 min".
  const minutes = Math.ceil((seconds - 1) / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

/** The language a view was asked for (?lang=fr), English otherwise. */
export function langFrom(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'fr' ? 'fr' : 'en';
}
