// The chair view's own words (keys, buttons, PIN dialog), in English and French; the shared ones are in lib/i18n.ts.
import type { Lang } from '../../../core/schedule/kinds.ts';

const en = {
  connecting: 'Connecting…',
  keys: 'Keys',
  keysHint: 'Press ? for the keys',
  keyToggle: 'Start / pause the timer',
  keyPrevious: 'Back to the previous item, with the time it has left',
  keyNext: 'Next item (ends this one)',
  keyPlus: 'One minute more',
  keyMinus: 'One minute less',
  keyReset: 'Timer back to the planned end',
  keyUndo: 'Undo the last action',
  keyFollow: 'Follow the clock again',
  keyFullscreen: 'Full screen on / off',
  keyHelp: 'Show / hide this help',
  keyClose: 'Close',
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  minusMinute: '−1 min',
  plusMinute: '+1 min',
  nextItem: 'Next',
  reset: 'Reset',
  controls: 'Timer controls',
  noState: 'Not connected to the show yet',
  noFullscreen: 'Full screen is not available here',
  nothingOn: 'Nothing on now',
  roomDone: 'Nothing more in this room today',
  untilNext: 'until the next item',
  speakerMessage: 'Message to the speaker',
  keysOffNoPin:
    'Keys off: the show has a PIN and this screen was not given it (open the chair link from the control view).',
  keysOffWrongPin: 'Keys off: the PIN given to this screen is wrong (open the chair link from the control view again).',
  away: (place: string) => `Away from this room${place ? `: ${place}` : ''}`,
  afterThisTalk: (time: string) => `after this talk (planned ${time})`,
};

export type ChairWords = typeof en;

const fr: ChairWords = {
  connecting: 'Connexion…',
  keys: 'Touches',
  keysHint: 'Touche ? : aide',
  keyToggle: 'Démarrer / mettre en pause le minuteur',
  keyPrevious: "Retour à l'élément précédent, avec le temps qu'il lui reste",
  keyNext: 'Élément suivant (termine celui-ci)',
  keyPlus: 'Une minute de plus',
  keyMinus: 'Une minute de moins',
  keyReset: 'Minuteur à la fin prévue',
  keyUndo: 'Annuler la dernière action',
  keyFollow: "Suivre l'horloge à nouveau",
  keyFullscreen: 'Plein écran oui / non',
  keyHelp: 'Afficher / masquer cette aide',
  keyClose: 'Fermer',
  start: 'Démarrer',
  pause: 'Pause',
  resume: 'Reprendre',
  minusMinute: '−1 min',
  plusMinute: '+1 min',
  nextItem: 'Suivant',
  reset: 'Réinitialiser',
  controls: 'Commandes du minuteur',
  noState: 'Pas encore connecté au spectacle',
  noFullscreen: "Le plein écran n'est pas disponible ici",
  nothingOn: 'Rien en cours',
  roomDone: "Plus rien dans cette salle aujourd'hui",
  untilNext: 'avant la suite',
  speakerMessage: "Message pour l'orateur·rice",
  keysOffNoPin:
    "Touches inactives : le spectacle a un code PIN et cet écran ne l'a pas reçu (ouvrez le lien président·e depuis la régie).",
  keysOffWrongPin:
    'Touches inactives : le code PIN donné à cet écran est faux (rouvrez le lien président·e depuis la régie).',
  away: (place: string) => `Hors de cette salle${place ? ` : ${place}` : ''}`,
  afterThisTalk: (time: string) => `après cette intervention (prévu à ${time})`,
};

export function chairWords(lang: Lang): ChairWords {
  return lang === 'fr' ? fr : en;
}
