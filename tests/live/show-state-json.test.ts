// The saved show state's JSON (written at every action): the same text as JSON.stringify, with each undo step's text
// kept so that a save does not turn the room's hundred steps into JSON again.
import { describe, expect, test } from 'vitest';
import type { Action } from '../../core/live/actions.ts';
import {
  applyAction,
  emptyShowState,
  recordEdit,
  showStateJson,
  validateShowState,
  type ShowState,
} from '../../core/live/history.ts';
import { buildTimeline } from '../../core/schedule/timeline.ts';
import { loadShippedProgram } from '../helpers.ts';

const timeline = buildTimeline(loadShippedProgram());
const at = Date.parse('2026-06-29T09:00:00+02:00');

describe('showStateJson', () => {
  test('is the text of JSON.stringify through actions, undo, redo, edits and a reload', () => {
    const actions: Action[] = [
      { type: 'message.set', to: 'public', text: 'Welcome "all" \u2028 ✓' },
      { type: 'timer.add', seconds: 300 },
      { type: 'blackout', on: true },
      { type: 'undo' },
      { type: 'undo' },
      { type: 'redo' },
      { type: 'message.clear' },
    ];
    let state: ShowState = emptyShowState();
    const seen: string[] = [];
    for (let round = 0; round < 40; round++) {
      for (const action of actions) {
        state = applyAction(timeline, state, action, at + round * 60_000, timeline.mainRoom);
        expect(showStateJson(state)).toBe(JSON.stringify(state));
        seen.push(showStateJson(state));
      }
    }
    // The history is full (100 steps); redo had steps after each redo above.
    expect(state.history[0]!.undo).toHaveLength(100);
    const edit = { type: 'cancel', itemId: 'x', reason: null, public: true } as never;
    const edited = recordEdit(state, timeline.mainRoom, 'Cancel x', { id: 9999, at, who: 'AV desk', edit });
    expect(showStateJson(edited)).toBe(JSON.stringify(edited));
    // A state read back from disk (new objects) gives the same text as the one it was saved from.
    const loaded = validateShowState(JSON.parse(seen.at(-1)!));
    expect(showStateJson(loaded)).toBe(seen.at(-1));
    expect(showStateJson(emptyShowState())).toBe(JSON.stringify(emptyShowState()));
  });
});
