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

/**
 * Svelte action: the largest font size that lets the element's content fit its box (children sized in em follow),
 * then a clamp of its text at a word; again whenever the box, the content or the fonts change.
 */
export function fit(node: HTMLElement, options: FitOptions) {
  let opts = options;
  let box = '';
  /** The size found last time: a refit (the font came, new text of the same length) starts its search there. */
  let last: number | undefined;
  const run = () => {
    const unit = Math.min(window.innerWidth, window.innerHeight) / 100;
    const { text } = opts;
    const target = opts.clamp ? node.querySelector<HTMLElement>(opts.clamp) : node;
    if (text !== undefined && target) target.textContent = text;
    const min = opts.min * unit;
    const max = opts.max * unit;
    // Each size tried is a layout of the page. Without a last size, one try at the largest tells how far the text
    // overflows: wrapped text grows about with the square of its size, so the size that fits is near max / √ratio.
    let guess = last;
    if (guess === undefined) {
      node.style.fontSize = `${Math.floor(max)}px`;
      const ratio = Math.max(node.scrollHeight / node.clientHeight, node.scrollWidth / node.clientWidth);
      guess = ratio <= 1 ? max : Number.isFinite(ratio) ? Math.floor(max / Math.sqrt(ratio)) : undefined;
    }
    // Whole pixels only: each distinct size tried costs the browser a cached font instance, and a screen that
    // refits all day would otherwise fill that cache with fractions (seen as heap growth in the day-long bench).
    const size = Math.floor(
      guess === max
        ? max
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
    if (text !== undefined && target && overflows(node)) {
      target.textContent = clampAtWord(text, (candidate) => {
        target.textContent = candidate;
        return !overflows(node);
      });
      target.title = text;
    } else target?.removeAttribute('title');
    box = `${node.clientWidth}x${node.clientHeight}`;
  };
  const observer = new ResizeObserver(() => {
    if (`${node.clientWidth}x${node.clientHeight}` !== box) run();
  });
  observer.observe(node);
  let live = true;
  run();
  // Fitted with the fallback font when the bundled one is still coming (the layout above asked for it): again once
  // it is here. Asked before that layout, `ready` is often already settled and would only repeat the same fit.
  void document.fonts?.ready.then(() => live && run());
  return {
    update(next: FitOptions) {
      const same =
        next.text === opts.text &&
        next.min === opts.min &&
        next.max === opts.max &&
        next.key === opts.key &&
        next.clamp === opts.clamp;
      opts = next;
      if (!same) run();
    },
    destroy() {
      live = false;
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
    let shown = rowsThatFit(
      rows.map((r) => r.getBoundingClientRect().bottom - top),
      node.clientHeight,
    );
    // A heading (a day's name) never ends the list without a row under it.
    while (shown > 0 && rows[shown - 1]!.hasAttribute('data-heading')) shown--;
    rows.forEach((row, i) => (row.style.display = i >= shown ? 'none' : ''));
    onshown?.(shown);
  };
  const observer = new ResizeObserver(() => run());
  observer.observe(node);
  run();
  void document.fonts?.ready.then(run);
  return {
    update(next: { key: unknown; onshown?: (shown: number) => void }) {
      onshown = next.onshown;
      run();
      // The rows of a new key may lay out after this runs.
      requestAnimationFrame(run);
    },
    destroy() {
      observer.disconnect();
    },
  };
}
