// A part of a view that failed to render is reported once to the show server's log, so AV learns of it from there.

const MAX_REPORTS_PER_PAGE = 20;
const sent = new Set<string>();

/** Logs `error` here and, once per part and message, on the server (POST /api/view-errors). Never throws. */
export function reportViewError(part: string, error: unknown): void {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  console.error(`roomcue: ${part} failed:`, error);
  const key = `${part}\n${message}`;
  if (sent.has(key) || sent.size >= MAX_REPORTS_PER_PAGE) return;
  sent.add(key);
  const view = document.body.dataset.view ?? 'unknown';
  try {
    void fetch('/api/view-errors', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ view, part: part.slice(0, 100), message }),
      keepalive: true,
    }).catch(() => {});
  } catch {
    // Offline or blocked: the console has it.
  }
}
