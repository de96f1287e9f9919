// What each kind of item is called on screen, in the languages the views speak.
import type { ItemKind } from '../program/schema.ts';

export type Lang = 'en' | 'fr';

const LABELS: Record<Lang, Record<ItemKind, string>> = {
  en: {
    registration: 'Registration',
    opening: 'Opening',
    keynote: 'Keynote',
    talk: 'Talk',
    break: 'Break',
    meal: 'Meal',
    poster: 'Posters',
    panel: 'Panel',
    closing: 'Closing',
    social: 'Social event',
  },
  fr: {
    registration: 'Accueil',
    opening: 'Ouverture',
    keynote: 'Conférence invitée',
    talk: 'Exposé',
    break: 'Pause',
    meal: 'Repas',
    poster: 'Posters',
    panel: 'Table ronde',
    closing: 'Clôture',
    social: 'Événement social',
  },
};

/**
 * The kinds, in the program schema's order (a view's kind picker): from here, not from the schema, so that a view's
 * bundle does not take zod with it (its schemas, and its `new Function` probe that the views' CSP reports).
 */
export const KINDS = Object.keys(LABELS.en) as ItemKind[];

export function kindLabel(kind: ItemKind, lang: Lang = 'en'): string {
  return LABELS[lang][kind];
}

/** Breaks and meals: a screen shows "until … — next: …" and the chair timer skips them. */
export function isBreakKind(kind: ItemKind): boolean {
  return kind === 'break' || kind === 'meal';
}
