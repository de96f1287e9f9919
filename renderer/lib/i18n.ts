// The words on the screens, in English and French. A view asks `t(lang).now`, never writes the words itself.
import type { Lang } from '../../core/schedule/kinds.ts';

const en = {
  now: 'Now',
  next: 'Next',
  later: 'Later today',
  tomorrow: 'Tomorrow',
  until: 'until',
  left: 'left',
  startsIn: 'starts in',
  chair: 'Chair',
  chairs: 'Chairs',
  moderator: 'Moderator',
  at: 'at',
  room: 'Room',
  runningLate: (m: number) => `Running ${m} min late`,
  rehearsal: 'Rehearsal',
  offline: 'Reconnecting…',
  beforeEvent: 'Starts',
  afterEvent: 'Thank you for coming',
  nothingNow: 'Nothing in this room right now',
  overtime: 'Overtime',
  paused: 'Paused',
  message: 'Message',
  announcement: 'Announcement',
  cancelled: 'Cancelled',
};

export type Words = typeof en;

const fr: Words = {
  now: 'En cours',
  next: 'Ensuite',
  later: 'Plus tard',
  tomorrow: 'Demain',
  until: "jusqu'à",
  left: 'restantes',
  startsIn: 'commence dans',
  chair: 'Président·e de séance',
  chairs: 'Président·es de séance',
  moderator: 'Modération',
  at: 'à',
  room: 'Salle',
  runningLate: (m: number) => `Retard de ${m} min`,
  rehearsal: 'Répétition',
  offline: 'Reconnexion…',
  beforeEvent: 'Début',
  afterEvent: 'Merci de votre venue',
  nothingNow: 'Rien dans cette salle pour le moment',
  overtime: 'Dépassement',
  paused: 'En pause',
  message: 'Message',
  announcement: 'Annonce',
  cancelled: 'Annulé',
};

export function t(lang: Lang): Words {
  return lang === 'fr' ? fr : en;
}
