// The signage's own words (en + fr), beside the shared ones of renderer/lib/i18n.ts.
import type { Lang } from '../../../core/schedule/kinds.ts';

const en = {
  /** Between a label and what it labels ("Chair: …"; French puts a space before the colon). */
  colon: ': ',
  moderators: 'Moderators',
  welcome: 'Welcome',
  seeYouTomorrow: 'See you tomorrow',
  today: 'Today',
  startingNow: 'starting now',
  startsAt: (time: string) => `starts at ${time}`,
  untilTime: (what: string, time: string) => `${what} until ${time}`,
  minLeft: (duration: string) => `${duration} left`,
  talkPage: 'Scan for the talk page',
  thanks: 'Thank you',
  program: 'Program',
  connecting: 'Connecting…',
};

export type SignageWords = typeof en;

const fr: SignageWords = {
  colon: '\u00a0: ',
  moderators: 'Modération',
  welcome: 'Bienvenue',
  seeYouTomorrow: 'À demain',
  today: "Aujourd'hui",
  startingNow: 'commence maintenant',
  startsAt: (time: string) => `début à ${time}`,
  untilTime: (what: string, time: string) => `${what} jusqu'à ${time}`,
  minLeft: (duration: string) => `encore ${duration}`,
  talkPage: "Scannez pour la page de l'exposé",
  thanks: 'Merci',
  program: 'Programme',
  connecting: 'Connexion…',
};

export function words(lang: Lang): SignageWords {
  return lang === 'fr' ? fr : en;
}
