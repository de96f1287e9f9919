// A program that lives at a URL (a pretalx/frab/Indico/iCalendar export): fetched at start, polled with
// ETag / If-Modified-Since, backing off on errors, the last good version kept and a copy saved on disk so that a
// box starts without network.
import { Listeners } from './listeners.ts';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../core/program/diagnostics.ts';
import { programFromText } from './program-file.ts';
import type { ProgramChange, ProgramProblem, ProgramSnapshot, ProgramSource } from './program-watcher.ts';
import { makeDirSync } from '../make-dir.ts';

export interface FeedOptions {
  /** Where the last good download is kept (the state folder). */
  cacheDir: string;
  /** Between two polls when all is well; default 60 s. */
  intervalMs?: number;
  /** The longest wait between polls while the feed fails; default 10 min. */
  maxBackoffMs?: number;
  /** One request's limit; default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  log?: (line: string) => void;
  /** --zone, for an export that gives no zone or contradicts it. */
  zone?: string | undefined;
}

const MAX_BYTES = 20 * 1024 * 1024;
const KEPT = 'still showing the last good version';

type Fetched =
  | { status: 'ok'; text: string; etag: string | null; lastModified: string | null }
  | { status: 'not-modified' }
  /** `answered`: the server answered, with something that is not an export (the message says what). */
  | { status: 'failed'; message: string; answered?: boolean };

interface CacheMeta {
  url: string;
  etag: string | null;
  lastModified: string | null;
  savedAt: number;
}

export function isProgramUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

export class ProgramFeed implements ProgramSource {
  static async open(url: string, opts: FeedOptions): Promise<ProgramFeed> {
    const feed = new ProgramFeed(url, opts);
    const got = await feed.fetchOnce(false);
    if (got.status === 'ok') {
      const result = programFromText(got.text, url, { zone: opts.zone });
      if (result.status === 'ok') {
        feed.accept(got, result.program, result.diagnostics);
        feed.start();
        return feed;
      }
      feed.prob = feed.problemOfInvalid(result.status, result.diagnostics);
    } else {
      feed.prob =
        got.status === 'failed' ? feed.problemOfFailure(got.message, got.answered) : feed.problemOfFailure('no answer');
    }
    // The feed cannot give a program now: start from the copy saved last time, if there is one.
    const cached = feed.loadCache();
    if (!cached) {
      throw new Error(
        `cannot load the program feed ${url}: ${feed.prob.diagnostics[0]?.message ?? feed.prob.message}; ` +
          'there is no saved copy yet (the box needs the feed once, or a program file)',
      );
    }
    feed.prob = {
      ...feed.prob,
      message: `${feed.prob.message} (the copy saved ${new Date(cached.savedAt).toISOString()})`,
    };
    feed.start();
    return feed;
  }

  private snap!: ProgramSnapshot;
  private prob: ProgramProblem | null = null;
  private readonly listeners = new Listeners<ProgramChange>((message) =>
    this.log(`roomcue feed: a listener failed: ${message}`),
  );
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private failures = 0;
  private etag: string | null = null;
  private lastModified: string | null = null;
  private bodyHash: string | null = null;
  private readonly cacheBase: string;
  private readonly fetcher: typeof fetch;
  private readonly log: (line: string) => void;

  private constructor(
    private readonly url: string,
    private readonly opts: FeedOptions,
  ) {
    this.cacheBase = join(opts.cacheDir, 'feeds', createHash('sha256').update(url).digest('hex').slice(0, 16));
    this.fetcher = opts.fetch ?? fetch;
    this.log = opts.log ?? ((line) => console.log(line));
  }

  get current(): ProgramSnapshot {
    return this.snap;
  }

  get problem(): ProgramProblem | null {
    return this.prob;
  }

  onChange(listener: (event: ProgramChange) => void): () => void {
    return this.listeners.add(listener);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private start(): void {
    this.schedule();
  }

  private get intervalMs(): number {
    return this.opts.intervalMs ?? 60_000;
  }

  private schedule(): void {
    if (this.closed) return;
    const backoff = Math.min(this.intervalMs * 2 ** this.failures, this.opts.maxBackoffMs ?? 600_000);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.poll()
          .catch((err) => this.log(`roomcue feed: ${err instanceof Error ? err.message : String(err)}`))
          .finally(() => this.schedule());
      },
      Math.max(this.intervalMs, backoff),
    );
    this.timer.unref?.();
  }

  private async poll(): Promise<void> {
    const got = await this.fetchOnce(true);
    if (this.closed) return;
    if (got.status === 'failed') return this.fail(this.problemOfFailure(got.message, got.answered));
    if (got.status === 'not-modified') return this.recovered();
    if (sha(got.text) === this.bodyHash) {
      this.etag = got.etag;
      this.lastModified = got.lastModified;
      return this.recovered();
    }
    const result = programFromText(got.text, this.url, { zone: this.opts.zone });
    if (result.status !== 'ok') return this.fail(this.problemOfInvalid(result.status, result.diagnostics));
    this.failures = 0;
    this.prob = null;
    this.accept(got, result.program, result.diagnostics);
    this.listeners.emit({ type: 'reloaded', snapshot: this.snap });
  }

  /** The feed answers again with what we have: the problem line goes. */
  private recovered(): void {
    this.failures = 0;
    if (this.prob === null) return;
    this.prob = null;
    this.listeners.emit({ type: 'reloaded', snapshot: this.snap });
  }

  private fail(problem: ProgramProblem): void {
    this.failures = Math.min(this.failures + 1, 16);
    const changed = this.prob?.message !== problem.message;
    this.prob = problem;
    if (changed) {
      this.log(`roomcue feed: ${problem.message}`);
      this.listeners.emit({ type: 'rejected', problem });
    }
  }

  private accept(
    got: Extract<Fetched, { status: 'ok' }>,
    program: ProgramSnapshot['program'],
    diagnostics: Diagnostic[],
  ) {
    this.snap = { file: this.url, program, diagnostics, loadedAt: Date.now() };
    this.etag = got.etag;
    this.lastModified = got.lastModified;
    this.bodyHash = sha(got.text);
    this.saveCache(got);
  }

  private async fetchOnce(conditional: boolean): Promise<Fetched> {
    const headers: Record<string, string> = { Accept: 'application/json, application/xml, text/calendar, */*' };
    if (conditional && this.etag) headers['If-None-Match'] = this.etag;
    if (conditional && this.lastModified) headers['If-Modified-Since'] = this.lastModified;
    let res: Response;
    try {
      res = await this.fetcher(this.url, { headers, signal: AbortSignal.timeout(this.opts.timeoutMs ?? 15_000) });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError') return { status: 'failed', message: 'no answer within the time limit' };
      return { status: 'failed', message: e.cause?.code ?? e.cause?.message ?? e.message };
    }
    if (res.status === 304) return { status: 'not-modified' };
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      return { status: 'failed', message: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
    }
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_BYTES) {
      await res.body?.cancel().catch(() => {});
      return { status: 'failed', message: `the export is larger than ${MAX_BYTES / 1024 / 1024} MB` };
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      return { status: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
    if (text.length > MAX_BYTES) return { status: 'failed', message: 'the export is too large' };
    // A login page, a proxy's error page, a wrong URL: say so rather than what an XML parser makes of HTML.
    // (by its first tag only: an export served with a wrong Content-Type still loads)
    if (/^\s*<(!doctype\s+html|html[\s>])/i.test(text)) {
      return {
        status: 'failed',
        answered: true,
        message: 'answered a web page (HTML), not an export: check the URL, or whether the export needs a login',
      };
    }
    return { status: 'ok', text, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
  }

  private problemOfFailure(message: string, answered = false): ProgramProblem {
    return {
      file: this.url,
      status: answered ? 'invalid' : 'unreadable',
      message: answered
        ? `program feed ${this.url} ${message}; ${KEPT}`
        : `program feed ${this.url} cannot be fetched (${message}); ${KEPT}`,
      diagnostics: [{ severity: 'error', path: '', message }],
      at: Date.now(),
    };
  }

  private problemOfInvalid(status: 'not-json' | 'invalid', diagnostics: Diagnostic[]): ProgramProblem {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0] ? formatDiagnostic(this.url, errors[0]).replace(/\s*\n\s*/g, ' ') : 'not a program';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return {
      file: this.url,
      status,
      message: `program feed ${first}${more}; ${KEPT}`,
      diagnostics,
      at: Date.now(),
    };
  }

  private saveCache(got: Extract<Fetched, { status: 'ok' }>): void {
    const meta: CacheMeta = { url: this.url, etag: got.etag, lastModified: got.lastModified, savedAt: Date.now() };
    try {
      makeDirSync(join(this.opts.cacheDir, 'feeds'));
      writeFileSync(`${this.cacheBase}.body.tmp`, got.text);
      renameSync(`${this.cacheBase}.body.tmp`, `${this.cacheBase}.body`);
      writeFileSync(`${this.cacheBase}.json.tmp`, JSON.stringify(meta));
      renameSync(`${this.cacheBase}.json.tmp`, `${this.cacheBase}.json`);
    } catch (err) {
      this.log(`roomcue feed: cannot save a copy of the program (${err instanceof Error ? err.message : err})`);
    }
  }

  /** The saved copy, loaded as the current program; null when there is none or it no longer loads. */
  private loadCache(): CacheMeta | null {
    let text: string;
    let meta: CacheMeta;
    try {
      text = readFileSync(`${this.cacheBase}.body`, 'utf8');
      meta = JSON.parse(readFileSync(`${this.cacheBase}.json`, 'utf8')) as CacheMeta;
    } catch {
      return null;
    }
    if (meta.url !== this.url) return null;
    const result = programFromText(text, this.url, { zone: this.opts.zone });
    if (result.status !== 'ok') return null;
    this.snap = { file: this.url, program: result.program, diagnostics: result.diagnostics, loadedAt: meta.savedAt };
    // Conditional requests against the copy: a feed that did not change since answers 304.
    this.etag = meta.etag;
    this.lastModified = meta.lastModified;
    this.bodyHash = sha(text);
    return meta;
  }
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
