// Failures the views report (a card that could not render) go to the server's log, where AV looks: one line each,
// bounded and rate-limited, since any screen on the LAN may post here.
import { z } from 'zod';

const Report = z
  .object({
    view: z.string().max(40),
    part: z.string().max(100),
    message: z.string().max(300),
  })
  .strict();

/** What the log may show of a text a page sent: printable, on one line. */
const printable = (text: string) =>
  [...text]
    .map((c) => (/\p{Cc}|[\u2028\u2029]/u.test(c) ? ' ' : c))
    .join('')
    .replace(/ +/g, ' ')
    .trim();

export class ViewErrorLog {
  private windowStart = 0;
  private inWindow = 0;

  constructor(
    private readonly log: (line: string) => void = (line) => console.error(line),
    private readonly perMinute = 30,
    private readonly now: () => number = Date.now,
  ) {}

  /** 204 logged, 400 not a report, 429 too many reports this minute (dropped). */
  record(body: unknown, from: string): { status: 204 | 400 | 429; error?: string } {
    const parsed = Report.safeParse(body);
    if (!parsed.success)
      return { status: 400, error: 'a view error report is {"view", "part", "message"} (short texts)' };
    const now = this.now();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    if (++this.inWindow > this.perMinute) return { status: 429, error: 'too many view error reports this minute' };
    const { view, part, message } = parsed.data;
    this.log(
      `roomcue: the ${printable(view)} view at ${from} could not show ${printable(part)}: ${printable(message)}`,
    );
    return { status: 204 };
  }
}
