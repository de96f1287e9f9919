// Addresses the console builds: itself for another room, and the previews of the room's screens.
/** The same page (keeping ?lang= and the rest) for another room. */
export function withRoom(href: string, room: string): string {
  const url = new URL(href);
  url.searchParams.set('room', room);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** "/signage?room=L108-A&preview=1&lang=fr": a view of the room, in the console's language, marked as a preview
 * so that it is not counted among the room's screens. */
export function previewUrl(view: 'signage' | 'chair', room: string, lang: string): string {
  const query = new URLSearchParams({ room, preview: '1' });
  if (lang !== 'en') query.set('lang', lang);
  return `/${view}?${query}`;
}

/** The factor that fits a 1920×1080 screen into a box `width` pixels wide. */
export function previewScale(width: number): number {
  return width > 0 ? width / 1920 : 0;
}

/**
 * The address to open on the chair's screen: the room, the language and, when the show has one, the PIN in the
 * fragment (never sent to the server or logged); the chair keeps it for its tab and takes it out of the address bar.
 */
export function chairLink(origin: string, room: string, lang: string, pin: string | null): string {
  const query = new URLSearchParams({ room });
  if (lang !== 'en') query.set('lang', lang);
  return `${origin}/chair?${query}${pin ? `#pin=${encodeURIComponent(pin)}` : ''}`;
}
