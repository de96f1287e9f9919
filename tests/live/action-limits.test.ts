// An action's number out of range names the range the operator may use: a huge number (1e308, past what counts as
// a safe integer) is told the same limit as 1441, not zod's bound of 9007199254740991.
import { describe, expect, test } from 'vitest';
import { actionFromQuery, parseAction } from '../../core/live/actions.ts';

const refusal = (input: unknown) => {
  const parsed = parseAction(input);
  return parsed.ok ? 'accepted' : parsed.message;
};

describe('numbers out of range say the limit', () => {
  test.each([1441, 1e308, 2 ** 53, -1, 2.5])('delay.set minutes %s: "a whole number from 0 to 1440"', (minutes) => {
    expect(refusal({ type: 'delay.set', minutes })).toBe(
      'delay.set: minutes: a whole number of minutes from 0 to 1440 (24 hours)',
    );
  });

  test("the same from a button's GET: /api/actions/delay.set?minutes=99999999999999999999", () => {
    const big = actionFromQuery('delay.set', new URLSearchParams('minutes=99999999999999999999'));
    expect(big).toEqual({
      ok: false,
      message: 'delay.set: minutes: a whole number of minutes from 0 to 1440 (24 hours)',
    });
  });

  test.each([86_401, 1e308, -1e308])('timer.add seconds %s: "from -86400 to 86400"', (seconds) => {
    expect(refusal({ type: 'timer.add', seconds })).toBe(
      'timer.add: seconds: a whole number of seconds from -86400 to 86400 (24 hours)',
    );
  });

  test('overtime.policy limitMinutes 1e308: "from 1 to 240"', () => {
    expect(refusal({ type: 'overtime.policy', policy: 'hold', limitMinutes: 1e308 })).toBe(
      'overtime.policy: limitMinutes: a whole number of minutes from 1 to 240 (4 hours)',
    );
  });

  test('within the range it is taken', () => {
    expect(parseAction({ type: 'delay.set', minutes: 1440 })).toEqual({
      ok: true,
      action: { type: 'delay.set', minutes: 1440 },
    });
    expect(parseAction({ type: 'timer.add', seconds: -86_400 })).toEqual({
      ok: true,
      action: { type: 'timer.add', seconds: -86_400 },
    });
  });
});
