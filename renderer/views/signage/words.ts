// The signage's own words (en + fr), beside the shared ones of renderer/lib/i18n.ts.
import type { Lang } from '../../../core/schedule/kinds.ts';

const en = {
  /** Between a label and what it labels ("Chair: …"; French puts a space before the colon). */
  colon: ': ',
  moderators: 'Moderators',
  welcome: 'Welcome',
  seeYouTomorrow: 'See you tomorrow',
  seeYouSoon: 'See you soon',
  today: 'Today',
  startingNow: 'starting now',
  startsAt: (time: string) => `starts at ${time}`,
  untilTime: (what: string, time: string) => `${what} until ${time}`,
  minLeft: (duration: string) => `${duration} left`,
  talkPage: 'Scan for the talk page',
  thanks: 'Thank you',
  program: 'Program',
  connecting: 'Connecting…',
  itemsOnNow: (n: number) => `${n} items on now`,
  runningOver: (m: number) => (m < 1 ? 'running over' : `running ${m} min over`),
  afterThisTalk: 'after this talk',
  afterTheBreak: 'after the break',
  planned: (time: string) => `planned ${time}`,
  andMore: (n: number) => `and ${n} more`,
  nothingMoreHere: 'Nothing more in this room today',
  onElsewhere: 'On now in the other rooms',
  nextElsewhere: 'Next in the other rooms',
  hereNext: (day: string, time: string) => `In this room next: ${day}, ${time}`,
};

export type SignageWords = typeof en;

const fr: SignageWords = {
  colon: '\u00a0: ',
  moderators: 'Modération',
  welcome: 'Bienvenue',
  seeYouTomorrow: 'À demain',
  seeYouSoon: 'À bientôt',
  today: "Aujourd'hui",
  startingNow: 'commence maintenant',
  startsAt: (time: string) => `début à ${time}`,
  untilTime: (what: string, time: string) => `${what} jusqu'à ${time}`,
  minLeft: (duration: string) => `encore ${duration}`,
  talkPage: "Scannez pour la page de l'exposé",
  thanks: 'Merci',
  program: 'Programme',
  connecting: 'Connexion…',
  itemsOnNow: (n: number) => `${n} activités en cours`,
  runningOver: (m: number) => (m < 1 ? 'dépasse son horaire' : `dépasse de ${m} min`),
  afterThisTalk: 'après cette intervention',
  afterTheBreak: 'après la pause',
  planned: (time: string) => `prévu à ${time}`,
  andMore: (n: number) => `et ${n} de plus`,
  nothingMoreHere: "Plus rien dans cette salle aujourd'hui",
  onElsewhere: 'En cours dans les autres salles',
  nextElsewhere: 'Ensuite dans les autres salles',
  hereNext: (day: string, time: string) => `Prochainement dans cette salle : ${day}, ${time}`,
};

export function words(lang: Lang): SignageWords {
  return lang === 'fr' ? fr : en;
}
