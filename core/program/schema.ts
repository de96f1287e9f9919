// The program file format: one zod schema is the source of truth for types, validation and data/program.schema.json.
import { z } from 'zod';

export const FORMAT_VERSION = 1;

/** A local date-time in the program's zone, minutes precision, seconds optional: "2026-06-29T09:30". */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, {
    message: 'expected a local date-time like "2026-06-29T09:30" (no offset: times are in the program\'s time zone)',
  })
  .describe('Local date-time in the program time zone, e.g. 2026-06-29T09:30');

/**
 * When one day of the event ends and the next begins, as a wall-clock time in the program's zone: "05:00" for a
 * congress whose talks run until 02:00 (its 01:00 talk belongs to the day before). Midnight when not given.
 */
export const DayChange = z
  .string()
  .regex(/^(?:(?:0\d|1[01]):[0-5]\d|12:00)$/, {
    message:
      'expected a time from "00:00" to "12:00" like "05:00": when one day of the event ends and the next begins (e.g. "05:00" for talks until 02:00)',
  })
  .describe('When one day of the event ends and the next begins, "HH:MM" in the program time zone; default "00:00"');

/**
 * The longest each field may be. A door screen can show a 300-character title, not a 3,000-character one, and a field
 * this long in a program is a mistake (a pasted abstract, a tracking URL): the file is refused with the field named.
 */
export const LIMITS = {
  id: 100,
  title: 300,
  subtitle: 300,
  /** People, rooms, locations, the venue and the event. */
  name: 150,
  affiliation: 200,
  address: 300,
  contact: 300,
  /** Abstracts and bios: never on the door, shown by other tools. */
  text: 20_000,
  url: 2000,
  timezone: 100,
  /** Why an item was cancelled, as the door may show it. */
  reason: 200,
} as const;

/** Text of at most `max` characters. */
const upTo = (max: number) => z.string().max(max, `is longer than ${max.toLocaleString('en')} characters`);
/** Text of 1 to `max` characters. */
const text = (max: number) => upTo(max).min(1, 'is empty');

/** A web page to open or to show as a QR code: http(s) only (no javascript:, data:, file:), of bounded length. */
export const WebUrl = z
  .url({ protocol: /^https?$/, error: 'expected a web address starting with http:// or https://' })
  .max(LIMITS.url, `is longer than ${LIMITS.url.toLocaleString('en')} characters`)
  .describe('An http:// or https:// address');

const Id = z
  .string()
  .max(LIMITS.id, `is longer than ${LIMITS.id} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, {
    message: 'expected an id of letters, digits, ".", "_", ":" or "-"',
  })
  .describe('Stable identifier');

/** The literal "TBA" stands for a person not yet announced; anything else is a key of `people`. */
export const TBA = 'TBA';
export const PersonRef = upTo(LIMITS.id).min(1).describe('A key of `people`, or "TBA" for someone not yet announced');

export const ITEM_KINDS = [
  'registration',
  'opening',
  'keynote',
  'talk',
  'break',
  'meal',
  'poster',
  'panel',
  'closing',
  'social',
] as const;
export const ItemKind = z.enum(ITEM_KINDS);

export const Person = z
  .object({
    name: text(LIMITS.name),
    affiliation: text(LIMITS.affiliation).optional(),
    bio: upTo(LIMITS.text).optional(),
    url: WebUrl.optional(),
  })
  .strict();

export const Room = z
  .object({
    id: Id,
    name: text(LIMITS.name),
    /** Seats; screens list other rooms biggest first. */
    capacity: z.number().int().positive().optional(),
  })
  .strict();

export const Location = z
  .object({
    id: Id,
    name: text(LIMITS.name),
    address: upTo(LIMITS.address).optional(),
    url: WebUrl.optional(),
  })
  .strict();

const TimerThresholds = z
  .object({
    warningSeconds: z.number().int().min(0).optional(),
    dangerSeconds: z.number().int().min(0).optional(),
  })
  .strict();

export const Item = z
  .object({
    id: Id,
    kind: ItemKind,
    title: text(LIMITS.title),
    subtitle: upTo(LIMITS.subtitle).optional(),
    start: LocalDateTime,
    end: LocalDateTime,
    speakers: z.array(PersonRef).default([]),
    /** Room id; defaults to the session's room, then the program's main room. */
    room: Id.optional(),
    /** Location id, for items that happen away from the rooms (lunch elsewhere, the dinner). */
    location: Id.optional(),
    abstract: upTo(LIMITS.text).optional(),
    url: WebUrl.optional(),
    timer: TimerThresholds.optional(),
    /** The item will not happen: the door shows it struck (with the reason, if any) until its end. */
    cancelled: z
      .object({ reason: upTo(LIMITS.reason).optional() })
      .strict()
      .optional(),
  })
  .strict();

export const Session = z
  .object({
    id: Id,
    title: text(LIMITS.title),
    start: LocalDateTime,
    end: LocalDateTime,
    room: Id.optional(),
    chairs: z.array(PersonRef).default([]),
    moderators: z.array(PersonRef).default([]),
    items: z.array(Item).min(1),
  })
  .strict();

export const Program = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION),
    event: z
      .object({
        id: Id,
        name: text(LIMITS.name),
        url: WebUrl.optional(),
        contact: upTo(LIMITS.contact).optional(),
        programChairs: z.array(PersonRef).default([]),
      })
      .strict(),
    /** IANA time zone of every local date-time in the file. */
    timezone: text(LIMITS.timezone),
    /** When a day of the event ends and the next begins (items before it belong to the night before); midnight by default. */
    dayChange: DayChange.optional(),
    venue: z
      .object({
        name: text(LIMITS.name),
        address: upTo(LIMITS.address).optional(),
      })
      .strict(),
    rooms: z.array(Room).min(1),
    /** The room a screen shows when none is chosen; defaults to the first room. */
    mainRoom: Id.optional(),
    locations: z.array(Location).default([]),
    people: z.record(Id, Person).default({}),
    sessions: z.array(Session).default([]),
    /** Slots that belong to no session: registration, breaks, meals, the dinner. */
    items: z.array(Item).default([]),
    timer: TimerThresholds.extend({
      byKind: z.partialRecord(ItemKind, TimerThresholds).optional(),
    })
      .strict()
      .optional(),
  })
  .strict();

export type ItemKind = z.infer<typeof ItemKind>;
export type Person = z.infer<typeof Person>;
export type Room = z.infer<typeof Room>;
export type Location = z.infer<typeof Location>;
export type Item = z.infer<typeof Item>;
export type Session = z.infer<typeof Session>;
export type Program = z.infer<typeof Program>;
export type ProgramInput = z.input<typeof Program>;

/** JSON Schema for editors, generated from the zod schema (written to data/program.schema.json). */
export function programJsonSchema(): object {
  return z.toJSONSchema(Program, { io: 'input', unrepresentable: 'any' });
}
