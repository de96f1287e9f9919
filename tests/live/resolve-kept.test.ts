// resolveLive keeps its last few answers (an action asks for its room at the same instant several times): the same
// program, live state, room and instant give the same screen; any other live state or instant is worked out anew.
import { describe, expect, test } from 'vitest';
import { resolveLive } from '../../core/live/live-screen.ts';
import { reduce } from '../../core/live/reducer.ts';
import { emptyLive } from '../../core/live/state.ts';
import { parseInstant } from '../../core/time.ts';
import { timelineOf, tinyProgram } from '../helpers.ts';

const timeline = timelineOf(tinyProgram());
const at = (hm: string) => (parseInstant(`2026-06-29T${hm}`, timeline.zone) as { at: number }).at;

describe('the screens resolveLive keeps', () => {
  test('a new live state at the same instant is worked out anew: the delay shows at once', () => {
    const before = emptyLive();
    const first = resolveLive(timeline, before, 'A', at('09:10'));
    expect(resolveLive(timeline, before, 'A', at('09:10'))).toBe(first);
    const after = reduce(timeline, before, { type: 'delay.set', minutes: 10 }, at('09:10'), 'A');
    const delayed = resolveLive(timeline, after, 'A', at('09:10'));
    expect(delayed.delayMinutes).toBe(10);
    expect(delayed.next?.id).toBe('t2');
    expect(delayed.next?.start).toBe(at('09:40'));
    // The old state asked again (an undo's label): still its own screen.
    expect(resolveLive(timeline, before, 'A', at('09:10')).next?.start).toBe(at('09:30'));
  });

  test('another instant or another program is worked out anew', () => {
    const live = emptyLive();
    expect(resolveLive(timeline, live, 'A', at('09:10')).current[0]?.id).toBe('t1');
    expect(resolveLive(timeline, live, 'A', at('09:40')).current[0]?.id).toBe('t2');
    const renamed = tinyProgram();
    renamed.sessions![0]!.items![0]!.title = 'Renamed';
    const other = timelineOf(renamed);
    expect(resolveLive(other, live, 'A', at('09:10')).current[0]?.title).toBe('Renamed');
    expect(resolveLive(timeline, live, 'A', at('09:10')).current[0]?.title).toBe('First');
  });
});
