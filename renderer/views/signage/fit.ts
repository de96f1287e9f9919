// Text that fits its box: the largest font size that fits, then (for plain text) a clamp at a word boundary.
// The searches are pure (they take a "does it fit?" function); `fit` and `fitRows` apply them to the DOM.

/**
 * The largest size in [min, max] (to within `precision`) for which `fitsAt` holds, assuming a larger size never
 * fits better; `min` when even that does not fit. With a `guess` (the size found last time, or one estimated from
 * the overflow), the search starts there and widens only as far as needed: on a page each try is a layout.
 */
export function largestFitting(
  fitsAt: (size: number) => boolean,
  min: number,
  max: number,
  precision = 0.5,
  guess?: number,
): number {
  if (max <= min) return Math.max(min, max);
  let lo = min;
  let hi = max;
  if (guess !== undefined && guess > min && guess < max) {
    // Gallop away from the guess (1, 2, 4… steps) until the answer is bracketed, then bisect the bracket.
    let step = precision;
    if (fitsAt(guess)) {
      lo = guess;
      while (lo + step < max && fitsAt(lo + step)) {
        lo += step;
        step *= 2;
      }
      hi = Math.min(lo + step, max);
      if (hi === max && lo + step >= max && fitsAt(max)) return max;
    } else {
      hi = guess;
      while (hi - step > min && !fitsAt(hi - step)) {
        hi -= step;
        step *= 2;
      }
      lo = Math.max(hi - step, min);
      if (lo === min && !fitsAt(min)) return min;
    }
  } else {
    if (fitsAt(max)) return max;
    if (!fitsAt(min)) return min;
  }
  while (hi - lo > precision) {
    const mid = (lo + hi) / 2;
    if (fitsAt(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

const TRAILING = /[\s,;:.–—-]+$/;

/** The text cut after `words` words, with an ellipsis, without a dangling comma or dash. */
export function cutAtWord(text: string, words: number): string {
  const all = text.trim().split(/\s+/);
  if (words >= all.length) return all.join(' ');
  return `${all.slice(0, Math.max(1, words)).join(' ').replace(TRAILING, '')}…`;
}

/** The whole text if it fits, else the longest word-boundary prefix with an ellipsis that does (at least one word). */
export function clampAtWord(text: string, fits: (candidate: string) => boolean): string {
  const count = text.trim().split(/\s+/).length;
  if (fits(cutAtWord(text, count))) return cutAtWord(text, count);
  let lo = 1;
  let hi = count - 1;
  if (hi < lo || !fits(cutAtWord(text, lo))) return cutAtWord(text, lo);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(cutAtWord(text, mid))) lo = mid;
    else hi = mid - 1;
  }
  return cutAtWord(text, lo);
}

/** How many rows, laid out from the top, end within `available` (each row given by its bottom edge). */
export function rowsThatFit(bottoms: number[], available: number): number {
  let n = 0;
  while (n < bottoms.length && bottoms[n]! <= available + 0.5) n++;
  return n;
}

export interface FitOptions {
  /** Font sizes in vmin (hundredths of the screen's smaller side). */
  min: number;
  max: number;
  /** Plain text the action owns and may clamp: the element's own, or that of its `clamp` descendant. */
  text?: string;
  /** A selector inside the element for the `text` (a title in a card whose whole content is sized as one). */
  clamp?: string;
  /** Anything whose change means the content changed (for content the action does not own). */
  key?: unknown;
}

function overflows(node: HTMLElement): boolean {
  return node.scrollHeight > node.clientHeight || node.scrollWidth > node.clientWidth;
}

/** One fitted element's work, split so that many are measured by one layout of the page. */
interface FitJob {
  live: boolean;
  /** Writes: the text, and the largest size. */
  prepare(): void;
  node: HTMLElement;
  /** From what the shared layout measured at the largest size: done, or the search from a guess. */
  finish(measured: { overflow: boolean; ratio: number }): void;
}

/** A list's measure of the rows that fit (`fitRows`); `live` until the list is gone. */
interface RowsJob {
  live: boolean;
  run(): void;
}

const pending = new Set<FitJob>();
/** Lists that show the rows that fit (`fitRows`): measured after the texts in the same turn, by one more layout. */
const pendingRows = new Set<RowsJob>();
let flushQueued = false;

/**
 * Fits every element asked for in this turn together, before the page is painted: first every text at its largest
 * size, then one layout measures them all (most fit at once), then only those that overflow search their size.
 * Fitted one by one, each element cost the page a layout even when it fitted at once: about a hundred on a door.
 */
function scheduleFit(job: FitJob): void {
  pending.add(job);
  queueFlush();
}

/**
 * A list's rows are measured once the texts of the same turn have their sizes (a card above it may have grown or
 * shrunk), not while the view is still being built: measured at once, each list cost the page a layout of its own
 * before the one the texts needed (on a door's first frame and at every item change).
 */
function scheduleRows(rows: RowsJob): void {
  pendingRows.add(rows);
  queueFlush();
}

function queueFlush(): void {
  if (flushQueued) return;
  flushQueued = true;
  queueMicrotask(flushFits);
}

function flushFits(): void {
  flushQueued = false;
  // Plain loops, no callbacks: this runs at every change a door shows, all day, and a callback made at each run is a
  // new function that V8 compiles again after every garbage collection (see docs/performance.md, "Compiled code").
  const jobs: FitJob[] = [];
  for (const job of pending) if (job.live) jobs.push(job);
  pending.clear();
  for (const job of jobs) job.prepare();
  const measured: { overflow: boolean; ratio: number }[] = [];
  for (const { node } of jobs) {
    measured.push({
      overflow: overflows(node),
      ratio: Math.max(node.scrollHeight / node.clientHeight, node.scrollWidth / node.clientWidth),
    });
  }
  for (let i = 0; i < jobs.length; i++) jobs[i]!.finish(measured[i]!);
  const rows: RowsJob[] = [];
  for (const list of pendingRows) if (list.live) rows.push(list);
  pendingRows.clear();
  for (const list of rows) list.run();
  // Fitted with the fallback font when the bundled one is still coming (the layout above asked for it): the texts
  // again once it is here, then the lists' rows. Asked before that layout, `ready` would often be settled already;
  // and asked while the view is still being built (as each list once did), it cost the door's first frame a layout
  // of the whole page of its own, before the one that measures the texts.
  if (document.fonts?.status === 'loading') {
    void document.fonts.ready.then(() => {
      for (const job of jobs) if (job.live) scheduleFit(job);
      for (const list of rows) if (list.live) scheduleRows(list);
    });
  }
}

/**
 * Svelte action: the largest font size that lets the element's content fit its box (children sized in em follow),
 * then a clamp of its text at a word; again whenever the box, the content or the fonts change.
 */
export function fit(node: HTMLElement, options: FitOptions) {
  let opts = options;
  let box = '';
  /** The size found last time: a refit (the font came, new text of the same length) starts its search there. */
  let last: number | undefined;
  let min = 0;
  let max = 0;
  let target: HTMLElement | null = null;
  const job: FitJob = {
    live: true,
    node,
    prepare() {
      const unit = Math.min(window.innerWidth, window.innerHeight) / 100;
      target = opts.clamp ? node.querySelector<HTMLElement>(opts.clamp) : node;
      if (opts.text !== undefined && target) target.textContent = opts.text;
      min = opts.min * unit;
      max = opts.max * unit;
      node.style.fontSize = `${Math.floor(max)}px`;
      // Measured with words whole: a word wider than the box overflows, so the size shrinks until it fits on a line
      // (else the card's break-word would cut "Simulations/Data/Learning" mid-word at a size that "fits").
      node.style.overflowWrap = 'normal';
    },
    finish({ overflow, ratio }) {
      const { text } = opts;
      // Each size tried is a layout of the page. Overflowing at the largest size, the search starts from the last
      // size found, else from an estimate: wrapped text grows about with the square of its size, so the size that
      // fits is near max / √ratio.
      const guess = last ?? (Number.isFinite(ratio) ? Math.floor(max / Math.sqrt(ratio)) : undefined);
      // Whole pixels only: each distinct size tried costs the browser a cached font instance, and a screen that
      // refits all day would otherwise fill that cache with fractions (seen as heap growth in the day-long bench).
      const size = Math.floor(
        !overflow || max <= min
          ? Math.max(min, max)
          : largestFitting(
              (px) => {
                node.style.fontSize = `${Math.floor(px)}px`;
                return !overflows(node);
              },
              min,
              max,
              1,
              guess,
            ),
      );
      last = size;
      node.style.fontSize = `${size}px`;
      // A word wider than the box even at the smallest size (a hostile name): it may wrap inside itself, as before.
      if (overflows(node)) node.style.overflowWrap = '';
      if (text !== undefined && target && overflows(node)) {
        const clampTarget = target;
        clampTarget.textContent = clampAtWord(text, (candidate) => {
          clampTarget.textContent = candidate;
          return !overflows(node);
        });
        clampTarget.title = text;
      } else target?.removeAttribute('title');
      box = `${node.clientWidth}x${node.clientHeight}`;
    },
  };
  const observer = new ResizeObserver(() => {
    if (`${node.clientWidth}x${node.clientHeight}` !== box) scheduleFit(job);
  });
  observer.observe(node);
  scheduleFit(job);
  return {
    update(next: FitOptions) {
      const same =
        next.text === opts.text &&
        next.min === opts.min &&
        next.max === opts.max &&
        next.key === opts.key &&
        next.clamp === opts.clamp;
      opts = next;
      if (!same) scheduleFit(job);
    },
    destroy() {
      job.live = false;
      pending.delete(job);
      observer.disconnect();
    },
  };
}

/** Svelte action on a list: shows only the children that fit entirely, hides the rest (re-run on resize or `key`). */
export function fitRows(node: HTMLElement, key: unknown) {
  return fitRowsCounted(node, { key });
}

/** `fitRows` that also says how many rows it shows (for "and 52 more" under a list that cannot show them all). */
export function fitRowsCounted(node: HTMLElement, options: { key: unknown; onshown?: (shown: number) => void }) {
  let onshown = options.onshown;
  const run = () => {
    const rows = [...node.children] as HTMLElement[];
    for (const row of rows) {
      row.style.display = '';
      observer.observe(row);
    }
    const top = node.getBoundingClientRect().top;
    const bottoms: number[] = [];
    for (const row of rows) bottoms.push(row.getBoundingClientRect().bottom - top);
    let shown = rowsThatFit(bottoms, node.clientHeight);
    // A heading (a day's name) never ends the list without a row under it.
    while (shown > 0 && rows[shown - 1]!.hasAttribute('data-heading')) shown--;
    for (let i = shown; i < rows.length; i++) rows[i]!.style.display = 'none';
    onshown?.(shown);
  };
  const job: RowsJob = { live: true, run };
  const later = () => {
    if (job.live) scheduleRows(job);
  };
  const observer = new ResizeObserver(later);
  observer.observe(node);
  // Measured after this turn's texts are fitted, with them: the rows of a new key are in the page by then. When the
  // bundled font is still coming then, the fit pass measures them again once it is here.
  later();
  return {
    update(next: { key: unknown; onshown?: (shown: number) => void }) {
      onshown = next.onshown;
      later();
    },
    destroy() {
      job.live = false;
      pendingRows.delete(job);
      observer.disconnect();
    },
  };
}
