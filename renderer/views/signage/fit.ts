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
  return settle(largestFittingSearch(min, max, precision, guess), fitsAt);
}

/**
 * `largestFitting` one try at a time: yields each size to try and is resumed with whether it fits; returns the
 * size. A page runs the searches of all its texts side by side, one layout measuring every text's try (`flushFits`).
 */
export function* largestFittingSearch(
  min: number,
  max: number,
  precision = 0.5,
  guess?: number,
): Generator<number, number, boolean> {
  if (max <= min) return Math.max(min, max);
  let lo = min;
  let hi = max;
  if (guess !== undefined && guess > min && guess < max) {
    // Gallop away from the guess (1, 2, 4… steps) until the answer is bracketed, then bisect the bracket.
    let step = precision;
    if (yield guess) {
      lo = guess;
      while (lo + step < max && (yield lo + step)) {
        lo += step;
        step *= 2;
      }
      hi = Math.min(lo + step, max);
      if (hi === max && lo + step >= max && (yield max)) return max;
    } else {
      hi = guess;
      while (hi - step > min && !(yield hi - step)) {
        hi -= step;
        step *= 2;
      }
      lo = Math.max(hi - step, min);
      if (lo === min && !(yield min)) return min;
    }
  } else {
    if (yield max) return max;
    if (!(yield min)) return min;
  }
  while (hi - lo > precision) {
    const mid = (lo + hi) / 2;
    if (yield mid) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Runs a step-by-step search to its end, each try answered by `test`. */
function settle<T, R>(search: Generator<T, R, boolean>, test: (candidate: T) => boolean): R {
  let step = search.next();
  while (!step.done) step = search.next(test(step.value));
  return step.value;
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
  return settle(clampAtWordSearch(text), fits);
}

/** `clampAtWord` one try at a time: yields each candidate text, resumed with whether it fits; returns the text. */
export function* clampAtWordSearch(text: string): Generator<string, string, boolean> {
  const count = text.trim().split(/\s+/).length;
  if (yield cutAtWord(text, count)) return cutAtWord(text, count);
  let lo = 1;
  let hi = count - 1;
  if (hi < lo || !(yield cutAtWord(text, lo))) return cutAtWord(text, lo);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (yield cutAtWord(text, mid)) lo = mid;
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

/** One fitted element's work, split so that many are measured by one layout of the page. */
interface FitJob {
  live: boolean;
  /** Writes: the text, and the largest size. */
  prepare(): void;
  /** Reads the element's overflow (a layout when the page changed since the last read), and notes its box. */
  measure(): boolean;
  /** Whether the element overflows at the largest size, and by how much (the shared layout's reading). */
  measureFirst(): { overflow: boolean; ratio: number };
  /**
   * From the shared reading at the largest size: the rest of the work, one write at a time. Each `yield` asks for the
   * element to be measured after that write; the search is resumed with whether it then overflows.
   */
  search(overflow: boolean, ratio: number): Generator<void, void, boolean>;
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
  for (const job of jobs) measured.push(job.measureFirst());
  // The searches of the texts that overflow, side by side: at each step every search still going writes its next try
  // (a size, a shorter text), then one layout measures them all. One after the other, each try of each text was a
  // layout of the page of its own: about 60 on a door's first frame (the day list's titles clamped one by one).
  let searching: Generator<void, void, boolean>[] = [];
  let searchingJobs: FitJob[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const search = jobs[i]!.search(measured[i]!.overflow, measured[i]!.ratio);
    if (!search.next().done) {
      searching.push(search);
      searchingJobs.push(jobs[i]!);
    }
  }
  while (searching.length > 0) {
    const overflow: boolean[] = [];
    for (const job of searchingJobs) overflow.push(job.measure());
    const still: Generator<void, void, boolean>[] = [];
    const stillJobs: FitJob[] = [];
    for (let i = 0; i < searching.length; i++) {
      if (!searching[i]!.next(overflow[i]!).done) {
        still.push(searching[i]!);
        stillJobs.push(searchingJobs[i]!);
      }
    }
    searching = still;
    searchingJobs = stillJobs;
  }
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
  /** The element's box when it was last measured. */
  let width = 0;
  let height = 0;
  const measure = (): boolean => {
    width = node.clientWidth;
    height = node.clientHeight;
    return node.scrollHeight > height || node.scrollWidth > width;
  };
  const job: FitJob = {
    live: true,
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
    measure,
    measureFirst() {
      const overflow = measure();
      return { overflow, ratio: Math.max(node.scrollHeight / height, node.scrollWidth / width) };
    },
    *search(overflowAtMax, ratio) {
      const { text } = opts;
      // Each size tried is a layout of the page. Overflowing at the largest size, the search starts from the last
      // size found, else from an estimate: wrapped text grows about with the square of its size, so the size that
      // fits is near max / √ratio.
      const guess = last ?? (Number.isFinite(ratio) ? Math.floor(max / Math.sqrt(ratio)) : undefined);
      let overflow = overflowAtMax;
      let size: number;
      if (!overflowAtMax || max <= min) size = Math.floor(Math.max(min, max));
      else {
        const sizes = largestFittingSearch(min, max, 1, guess);
        let step = sizes.next();
        while (!step.done) {
          node.style.fontSize = `${Math.floor(step.value)}px`;
          step = sizes.next(!(yield));
        }
        // Whole pixels only: each distinct size tried costs the browser a cached font instance, and a screen that
        // refits all day would otherwise fill that cache with fractions (seen as heap growth in the day-long bench).
        size = Math.floor(step.value);
      }
      last = size;
      // At the largest size, as measured, the element needs no new measure; after a search, at the size found, it does.
      if (overflowAtMax && max > min) {
        node.style.fontSize = `${size}px`;
        overflow = yield;
      } else if (size !== Math.floor(max)) {
        node.style.fontSize = `${size}px`;
        overflow = yield;
      }
      // A word wider than the box even at the smallest size (a hostile name): it may wrap inside itself, as before.
      if (overflow) {
        node.style.overflowWrap = '';
        overflow = yield;
      }
      if (text !== undefined && target && overflow) {
        const clampTarget = target;
        const texts = clampAtWordSearch(text);
        let step = texts.next();
        while (!step.done) {
          clampTarget.textContent = step.value;
          step = texts.next(!(yield));
        }
        clampTarget.textContent = step.value;
        clampTarget.title = text;
        // Measured once more, with the text kept: its box is the one a resize is compared with.
        yield;
      } else target?.removeAttribute('title');
      box = `${width}x${height}`;
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
