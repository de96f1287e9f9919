// A screen connected to the show server, as GET /api/screens lists it (the control's "Connected screens").

export interface ScreenInfo {
  id: number;
  view: string;
  room: string;
  address: string;
  /** Epoch ms, server clock (real time, even in a rehearsal). */
  since: number;
  /** A room's box (view "box"): the screens connected to it, per view, as it last reported them. */
  screens?: Record<string, number>;
}
