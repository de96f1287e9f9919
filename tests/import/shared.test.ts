// One way to make ids, text and kinds, whatever the format: the same room gets the same id from a frab schedule and
// from an iCalendar file, HTML is text everywhere, and a label names the same kind in every importer.
import { describe, expect, test } from 'vitest';
import { importFrabJson } from '../../core/import/frab-json.ts';
import { importIcal } from '../../core/import/ical.ts';
import { idFromForeign, kindFromLabel, plainText, slugify } from '../../core/import/shared.ts';

const ROOM = 'Amphithéâtre Louis-Armand — Salle de conférences principale (bâtiment L)';

const frab = JSON.stringify({
  schedule: {
    conference: {
      acronym: 'x',
      title: 'X',
      time_zone_name: 'Europe/Paris',
      days: [
        {
          index: 1,
          date: '2026-06-29',
          rooms: {
            [ROOM]: [
              {
                id: 1,
                date: '2026-06-29T09:00:00+02:00',
                start: '09:00',
                duration: '00:30',
                title: 'Opening',
                type: 'Talk',
                description: '<p>Tom &amp; Jerry&#39;s <b>demo</b></p>',
                persons: [],
              },
            ],
          },
        },
      ],
    },
  },
});

const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//EN',
  'BEGIN:VEVENT',
  'UID:talk-1@example.org',
  'DTSTART;TZID=Europe/Paris:20260629T090000',
  'DTEND;TZID=Europe/Paris:20260629T093000',
  'SUMMARY:Opening',
  `LOCATION:${ROOM}`,
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('the same thing from different formats', () => {
  test('a room with a long accented name gets the same id from frab and from iCalendar', () => {
    const fromFrab = importFrabJson(frab);
    const fromIcal = importIcal(ics);
    if (!fromFrab.ok || !fromIcal.ok) throw new Error('import failed');
    const id = 'amphitheatre-louis-armand-salle-de-conferences-p';
    expect(fromFrab.program.rooms?.map((r) => r.id)).toEqual([id]);
    expect(fromIcal.program.rooms?.map((r) => r.id)).toEqual([id]);
  });

  test("frab's HTML descriptions are decoded like Indico's: Tom & Jerry's demo", () => {
    const fromFrab = importFrabJson(frab);
    if (!fromFrab.ok) throw new Error('import failed');
    const items = [...(fromFrab.program.items ?? []), ...(fromFrab.program.sessions ?? []).flatMap((s) => s.items)];
    expect(items[0]!.abstract).toBe("Tom & Jerry's demo");
  });
});

describe('shared helpers', () => {
  test.each([
    { label: 'accents dropped (NFKD)', text: 'Salle Gödel', slug: 'salle-godel' },
    { label: 'ligatures and width forms folded', text: 'ﬁnal Ｒoom', slug: 'final-room' },
    { label: 'at most 48 characters, no dash at the end', text: `${'a'.repeat(47)} b`, slug: 'a'.repeat(47) },
    { label: 'nothing left: the fallback', text: '—', slug: 'room' },
  ])('slugify: $label', ({ text, slug }) => expect(slugify(text, 'room')).toBe(slug));

  test.each([
    { html: 'a<br>b', text: 'a\nb' },
    { html: '&lt;tag&gt; &quot;q&quot; &#233;t&#xE9; &nbsp;x', text: '<tag> "q" été  x' },
    { html: '&amp;lt;', text: '&lt;' },
    { html: '&unknown; stays', text: '&unknown; stays' },
  ])('plainText($html)', ({ html, text }) => expect(plainText(html)).toBe(text));

  test.each([
    { label: 'Opening keynote', kind: 'keynote' },
    { label: 'Lunch break', kind: 'meal' },
    { label: 'Welcome reception', kind: 'social' },
    { label: 'Déjeuner', kind: 'meal' },
    { label: 'Podiumsdiskussion', kind: 'panel' },
    { label: 'Invited talk: dark matter', kind: 'keynote' },
    { label: 'Detector upgrades', kind: undefined },
  ])('kindFromLabel($label) = $kind', ({ label, kind }) => expect(kindFromLabel(label)).toBe(kind));

  test('a long UID keeps its start and a hash of the whole', () => {
    const outlook = `040000008200E00074C5B7101A82E008${'0'.repeat(70)}1234`;
    expect(idFromForeign(outlook, 'event')).toMatch(/^040000008200-[0-9a-f]{8}$/);
    expect(idFromForeign('talk-42@pretalx.example', 'event')).toBe('talk-42');
  });
});
