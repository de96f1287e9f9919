// Re-checks the shipped program against the workshop's published program page (its text, beside this file): every
// slot and talk of both days must be an item or a session with the same day, start, end and title, every person
// the page names at an entry must be on it, every item must come from the page, and every affiliation, bio,
// abstract and subtitle must be the page's text, word for word.
// Run: npx tsx data/check-against-seed.ts [SEED.txt] [PROGRAM.json]   (exit 0: all agree, 1: differences listed)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseProgramText } from '../core/program/parse.ts';
import type { Program } from '../core/program/schema.ts';
import { placedItems } from '../core/program/walk.ts';

export interface SeedEntry {
  line: number;
  date: string;
  start: string;
  end: string;
  title: string;
  /** The page's text from this entry to the next one: who is named there. */
  block: string;
}

/**
 * Where the program differs from the page on purpose, each listed in data/README.md ("Editorial decisions"):
 * the page's title → the program's. Anything else that differs is reported.
 */
export const EDITED_TITLES: Record<string, string> = {
  'Workshop Diner': 'Workshop Dinner',
  'Lunch (Ecole des Mines de Paris)': 'Lunch',
  'Using AgenLc AI to enhance Machine Learning Researchers producLvity':
    'Using Agentic AI to enhance Machine Learning Researchers productivity',
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october'];
const pad = (n: string) => n.padStart(2, '0');

/** The page's timed entries: "9:30-12:40 | Keynotes" slots and "Title [9:30-10:10]" talks, with their day. */
export function seedEntries(text: string, year: number): SeedEntry[] {
  const lines = text.split('\n');
  const entries: SeedEntry[] = [];
  let date = '';
  lines.forEach((line, i) => {
    const day = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (\w+) (\d+)/.exec(line);
    if (day) {
      const month = MONTHS.indexOf(day[2]!.toLowerCase()) + 1;
      date = `${year}-${pad(String(month))}-${pad(day[3]!)}`;
      return;
    }
    const slot = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2}) \| (.+)$/.exec(line);
    if (slot && date) {
      const [, h1, m1, h2, m2, title] = slot;
      entries.push({
        line: i + 1,
        date,
        start: `${pad(h1!)}:${m1}`,
        end: `${pad(h2!)}:${m2}`,
        title: title!,
        block: '',
      });
      return;
    }
    // Talks: "Title [09:00-09:30]", also glued after the previous talk's text ("…[Slides] - Title [09:30-10:00]").
    for (const m of line.matchAll(/(?:^-\s|^|\s-\s)([^[\]]*?)\s*\[(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})\]/g)) {
      const [, text, h1, m1, h2, m2] = m;
      const title = text!.split(/\s-\s/).at(-1)!.replace(/^-\s/, '').trim(); // after the glued text, if any
      const start = `${pad(h1!)}:${m1}`;
      entries.push({ line: i + 1, date, start, end: `${pad(h2!)}:${m2}`, title, block: '' });
    }
  });
  // Each entry's block: its line's text after it, and the lines up to the next entry.
  entries.forEach((e, k) => {
    const next = entries[k + 1];
    const last = next ? (next.line === e.line ? e.line : next.line - 1) : lines.length;
    e.block = lines.slice(e.line, last).join('\n');
  });
  return entries;
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const sameTitle = (page: string, program: string) =>
  norm(EDITED_TITLES[page] ?? page) === norm(program) || norm(page).startsWith(norm(program) + ' ');

/** A family name as the page may print it (the program corrects some spellings: README lists them). */
const SPELLED: Record<string, string[]> = {
  Bindschaedler: ['Bindshaedler'],
  Mishchenko: ['Mishcheko'],
};

export function checkAgainstSeed(seedText: string, program: Program): string[] {
  const problems: string[] = [];
  const year = Number(program.sessions[0]?.start.slice(0, 4) ?? program.items[0]?.start.slice(0, 4));
  const entries = seedEntries(seedText, year);
  const placed = placedItems(program);
  const used = new Set<string>();
  const person = (ref: string) => (Object.hasOwn(program.people, ref) ? program.people[ref]!.name : ref);
  const named = (block: string, name: string) => {
    if (name === 'TBA') return /\bTBA\b/.test(block);
    const family = name.split(' ').at(-1)!;
    return [family, ...(SPELLED[family] ?? [])].some((f) => norm(block).includes(norm(f)));
  };

  for (const e of entries) {
    const at = (hm: string) => `${e.date}T${hm}`;
    const where = `page line ${e.line} (${e.date} ${e.start}-${e.end} "${e.title}")`;
    const items = placed.filter(({ item }) => item.start === at(e.start) && item.end === at(e.end));
    const item = items.find(({ item }) => sameTitle(e.title, item.title));
    const session = program.sessions.find(
      (s) => s.start === at(e.start) && s.end === at(e.end) && sameTitle(e.title, s.title),
    );
    if (item) {
      used.add(item.item.id);
      for (const ref of item.item.speakers) {
        if (!named(`${e.title}\n${e.block}`, person(ref))) {
          problems.push(`${where}: speaker ${person(ref)} of ${item.item.id} is not named there`);
        }
      }
    }
    if (session) {
      for (const ref of [...session.chairs, ...session.moderators]) {
        if (!named(e.block, person(ref))) problems.push(`${where}: ${person(ref)} of ${session.id} is not named there`);
      }
      // Parts the page lists under the slot without times ("-", a title, its people: the opening) are each an
      // item of the session with the session's times, with those people.
      const parts = e.block
        .split(/^-$/m)
        .slice(1)
        .map((segment) => segment.trim())
        .filter(Boolean);
      const untimed = session.items.filter((i) => i.start === session.start && i.end === session.end);
      for (const part of parts) {
        const title = part.split('\n')[0]!;
        const item = untimed.find((i) => sameTitle(title, i.title));
        if (!item) {
          problems.push(`${where}: the part "${title}" is not an item of ${session.id} of its own`);
          continue;
        }
        for (const ref of item.speakers) {
          if (!named(part, person(ref))) problems.push(`${where}: ${person(ref)} is not named in "${title}"`);
        }
      }
      for (const item of untimed) {
        if (parts.length > 0 && !parts.some((p) => sameTitle(p.split('\n')[0]!, item.title))) {
          problems.push(`${where}: ${item.id} "${item.title}" is not a part the page lists`);
        }
        if (parts.length === 0 && !sameTitle(e.title, item.title)) {
          problems.push(`${where}: ${item.id} "${item.title}" is not on the page`);
        }
        used.add(item.id);
      }
    }
    if (!item && !session) problems.push(`${where}: no item or session with that day, time and title`);
  }
  for (const { item } of placed) {
    if (!used.has(item.id)) problems.push(`${item.id} (${item.start}-${item.end.slice(11)}) is not on the page`);
  }
  return [...problems, ...textProblems(seedText, program)];
}

/**
 * Texts the program words itself, each listed in data/README.md: the text → what the page has instead (the
 * introduction's subtitle comes from the page's "Program Chair: Serge G. Petiton" line). A Map: a text may be any
 * words, "constructor" included, which a plain object would answer with its own members.
 */
export const EDITED_TEXTS: ReadonlyMap<string, string> = new Map([
  ['by the Program Chair', 'Program Chair: Serge G. Petiton'],
]);

/** Words of a text as the check compares them: no accents, case, punctuation or the page's [Bio]/[Slides] links. */
const words = (s: string) =>
  norm(s.replace(/\[(?:Bio|Abstract|Slides)\]/g, ' '))
    .split(' ')
    .filter(Boolean);
/** A long text is compared in runs of this many words (the page breaks lines and glues links inside them). */
const RUN = 8;

/**
 * Every affiliation, bio, abstract and subtitle in the program is the page's text, word for word (accents, case,
 * punctuation and line breaks aside): the first run of words that differs is reported.
 */
function textProblems(seedText: string, program: Program): string[] {
  const page = ` ${words(seedText).join(' ')} `;
  const onPage = (ws: string[]) => page.includes(` ${ws.join(' ')} `);
  const problems: string[] = [];
  const check = (owner: string, field: string, text: string | undefined) => {
    if (!text) return;
    const source = EDITED_TEXTS.get(text) ?? text;
    const ws = words(source);
    if (ws.length <= RUN * 2) {
      if (!onPage(ws)) problems.push(`${owner}: ${field} "${text}" is not on the page`);
      return;
    }
    const raw = source.split(/\s+/).filter((w) => words(w).length > 0);
    for (let k = 0; k < raw.length; k += RUN) {
      const run = raw.slice(Math.min(k, raw.length - RUN), k + RUN);
      if (onPage(run.flatMap(words))) continue;
      const from = Math.min(k, raw.length - RUN);
      const excerpt = `${from > 0 ? '…' : ''}${run.join(' ')}${from + RUN < raw.length ? '…' : ''}`;
      problems.push(`${owner}: ${field} is not on the page from "${excerpt}"`);
      return;
    }
  };
  for (const [id, person] of Object.entries(program.people)) {
    check(id, 'affiliation', person.affiliation);
    check(id, 'bio', person.bio);
  }
  for (const { item } of placedItems(program)) {
    check(item.id, 'subtitle', item.subtitle);
    check(item.id, 'abstract', item.abstract);
  }
  return problems;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
  const seed = process.argv[2] ?? here('./dp2e-ai-2026-program.txt');
  const file = process.argv[3] ?? here('./dp2e-ai-2026.json');
  const read = (path: string, what: string): string => {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      console.error(`check-against-seed: cannot read the ${what} ${path} (${(err as NodeJS.ErrnoException).code})`);
      return process.exit(2);
    }
  };
  const seedText = read(seed, 'page text');
  const { program, diagnostics } = parseProgramText(read(file, 'program'));
  if (!program) {
    console.error(`check-against-seed: ${file} is not a valid program (${diagnostics.length} problems)`);
    process.exit(2);
  }
  const problems = checkAgainstSeed(seedText, program);
  for (const p of problems) console.log(p);
  const count = seedEntries(seedText, 2026).length;
  console.log(
    problems.length
      ? `${problems.length} differences`
      : `all ${count} timed entries of the page agree, and every affiliation, bio, abstract and subtitle is its text`,
  );
  process.exit(problems.length ? 1 : 0);
}
