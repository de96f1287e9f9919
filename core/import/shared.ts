// What every importer does the same way, so a room or a talk gets the same id and kind whatever format it came in:
// slugs, id pools, ids from foreign ids, HTML to plain text, the kind of an item from its labels, note samples.
import type { ItemKind } from '../program/schema.ts';

const SLUG_MAX = 48;

/** "Salle Gödel (L108-A)" → "salle-godel-l108-a": accents dropped, at most 48 characters; `fallback` when empty. */
export function slugify(value: string, fallback: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Ids handed out once each: `claim("x")` gives "x", then "x-2", "x-3"… (remembering where each base got to). */
export class IdPool {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  has(id: string): boolean {
    return this.taken.has(id);
  }

  claim(id: string): string {
    let candidate = id;
    let n = this.next.get(id) ?? 2;
    while (this.taken.has(candidate)) candidate = `${id}-${n++}`;
    this.next.set(id, n);
    this.taken.add(candidate);
    return candidate;
  }
}

/**
 * An id from a foreign id (an Indico id, an iCalendar UID), stable across imports of the same file: characters we do
 * not allow become "-"; a UID's "@host" is dropped; a long one (Outlook's are 112 hex digits that differ near the end)
 * becomes its start and a hash of the whole.
 */
export function idFromForeign(raw: string, fallback: string): string {
  const id = raw
    .replace(/@.*$/, '')
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|[-.:_]+$/g, '');
  if (id.length <= 40) return id || fallback;
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (const ch of raw) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `${id.slice(0, 12)}-${hash.toString(16).padStart(8, '0')}`;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** HTML (Indico and FOSDEM descriptions) as text for a screen: line breaks kept, tags dropped, entities decoded. */
export function plainText(html: string | null | undefined): string {
  if (!html) return '';
  return html
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return Object.hasOwn(ENTITIES, name.toLowerCase()) ? ENTITIES[name.toLowerCase()]! : whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
}

const MEALS = 'lunch(?:es)?|dinners?|breakfasts?|banquets?|meals?|d[ée]jeuner|d[iî]ner|repas|mittag(?:essen)?';

/**
 * Labels (a type, a track, a category, a title) → our kinds. First match wins, so "Opening keynote" is a keynote,
 * "Lunch break" a meal and "Welcome reception" a social event; plurals count ("Breaks" as a track).
 */
const KIND_RULES: [RegExp, ItemKind][] = [
  [/\b(keynotes?|invited talk|plenary talk)\b/i, 'keynote'],
  [new RegExp(`\\b(${MEALS}|food)\\b`, 'i'), 'meal'],
  [/\b(breaks?|coffee|tea|pause)\b/i, 'break'],
  [/panel|podium/i, 'panel'], // "Podiumsdiskussion"
  [/\b(social|part(y|ies)|receptions?|get-together|excursions?)\b/i, 'social'],
  [/\bposters?\b/i, 'poster'],
  [/\b(opening|welcome)\b/i, 'opening'],
  [/\b(closing|farewell|concluding)\b/i, 'closing'],
  [/\b(registration|check-in)\b/i, 'registration'],
  [/\b(talks?|lectures?|workshops?|presentations?|sessions?|tutorials?|lightning)\b/i, 'talk'],
];

/** The kind a label names, if it names one. */
export function kindFromLabel(label: string | null | undefined): ItemKind | undefined {
  return label ? KIND_RULES.find(([re]) => re.test(label))?.[1] : undefined;
}

/** The most frequent non-empty value (the first seen among equals), or null. */
export function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** A few distinct titles for a note: '"Lunch", "Coffee", …'. */
export function sampleOf(titles: string[]): string {
  const distinct = [...new Set(titles)];
  const shown = distinct.slice(0, 3).map((t) => `"${t}"`);
  return shown.join(', ') + (distinct.length > 3 ? ', …' : '');
}
