// Days in the program's zone, whatever the machine's: which date an instant falls on there.
const formats = new Map<string, Intl.DateTimeFormat>();

/** "2026-06-30": the date of an instant in `zone`. */
export function localDate(at: number, zone: string): string {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(zone, format);
  }
  return format.format(at);
}
