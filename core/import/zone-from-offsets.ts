// When an export's declared time zone contradicts the UTC offsets its own dates carry (pretalx's DemoCon says
// time_zone_name "UTC" and writes every date with +01:00), the times people read in the export are the offsets':
// find a zone that gives those offsets at those instants, so screens show the clock times the export prints.
import { isKnownZone, zoneOffset } from '../time.ts';

export interface OffsetSample {
  at: number;
  /** Minutes east of UTC, as the date wrote it ("+01:00" → 60). */
  offsetMinutes: number;
}

export type ZoneChoice = { agrees: true } | { agrees: false; zone: string; why: string; offsets: string };

/** Does `zone` give every sample's offset? */
const yields = (zone: string, samples: readonly OffsetSample[]) =>
  samples.every((s) => zoneOffset(zone, s.at) === s.offsetMinutes);

/**
 * Whether `declared` agrees with the samples; when it does not, the zone to read the export in: `preferred` (the
 * user's --zone) when it gives the offsets, else a fixed-offset zone when every date has the same offset, else the
 * first named zone that gives them all (one offset change inside the event: summer time).
 */
export function zoneForOffsets(declared: string, samples: readonly OffsetSample[], preferred?: string): ZoneChoice {
  if (samples.length === 0 || yields(declared, samples)) return { agrees: true };
  const distinct = [...new Set(samples.map((s) => s.offsetMinutes))].sort((a, b) => a - b);
  const offsets = distinct.map(formatOffset).join(' and ');
  if (preferred && isKnownZone(preferred) && yields(preferred, samples)) {
    return { agrees: false, zone: preferred, offsets, why: `${preferred}, as given with --zone` };
  }
  if (distinct.length === 1) {
    const fixed = fixedZone(distinct[0]!);
    if (fixed)
      return { agrees: false, zone: fixed, offsets, why: `${fixed} (UTC${formatOffset(distinct[0]!)} all year)` };
  }
  const named = Intl.supportedValuesOf('timeZone').filter((z) => z.includes('/') && yields(z, samples));
  if (named.length > 0) {
    const zone = named[0]!;
    return { agrees: false, zone, offsets, why: `${zone}, the first of ${named.length} zones with these offsets` };
  }
  // Offsets no zone gives together: the most common one, fixed.
  const counts = new Map<number, number>();
  for (const s of samples) counts.set(s.offsetMinutes, (counts.get(s.offsetMinutes) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const fixed = fixedZone(common);
  if (!fixed) return { agrees: true };
  return { agrees: false, zone: fixed, offsets, why: `${fixed}, the most common offset (UTC${formatOffset(common)})` };
}

/** IANA's fixed-offset zones are whole hours, with the sign reversed: UTC+01:00 is "Etc/GMT-1". */
function fixedZone(offsetMinutes: number): string | null {
  if (offsetMinutes === 0) return 'UTC';
  if (offsetMinutes % 60 !== 0 || Math.abs(offsetMinutes) > 14 * 60) return null;
  const hours = offsetMinutes / 60;
  const zone = `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
  return isKnownZone(zone) ? zone : null;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
