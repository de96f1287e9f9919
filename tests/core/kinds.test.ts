// The control view's kind picker lists the kinds from core/schedule/kinds.ts (no zod in a view's bundle): the same
// kinds, in the same order, as the program schema.
import { expect, test } from 'vitest';
import { ITEM_KINDS } from '../../core/program/schema.ts';
import { KINDS, kindLabel } from '../../core/schedule/kinds.ts';

test("the kinds a view offers are the schema's, in its order, each with a label in both languages", () => {
  expect(KINDS).toEqual([...ITEM_KINDS]);
  for (const kind of KINDS) {
    expect(kindLabel(kind, 'en')).not.toBe('');
    expect(kindLabel(kind, 'fr')).not.toBe('');
  }
});
