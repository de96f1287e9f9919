import { describe, expect, it } from 'vitest';
import { findRoom } from '../../core/program/rooms.ts';

const rooms = [
  { id: 'L108-A', name: 'L108-A' },
  { id: 'salle-emile-borel', name: 'Salle Émile Borel' },
  { id: 'amphi-1', name: 'Amphithéâtre Poincaré' },
  { id: 'b2', name: 'Workshop' },
  { id: 'b3', name: 'workshop' },
];

describe('a room named the way a person types it', () => {
  it('takes the id as is', () => {
    expect(findRoom(rooms, 'amphi-1')).toMatchObject({ ok: true, room: { id: 'amphi-1' }, by: 'id' });
  });
  it('takes the displayed name with case and accents ignored', () => {
    expect(findRoom(rooms, 'amphitheatre poincare')).toMatchObject({ ok: true, room: { id: 'amphi-1' }, by: 'name' });
    expect(findRoom(rooms, 'Salle Emile-Borel')).toMatchObject({ ok: true, room: { id: 'salle-emile-borel' } });
    expect(findRoom(rooms, 'l108-a')).toMatchObject({ ok: true, room: { id: 'L108-A' }, by: 'id' });
  });
  it('says which rooms an ambiguous name could be', () => {
    const match = findRoom(rooms, 'WORKSHOP');
    expect(match).toMatchObject({
      ok: false,
      message: '"WORKSHOP" could be 2 rooms: b2 ("Workshop"), b3 ("workshop"); give the id',
    });
  });
  it('lists the rooms when nothing matches', () => {
    expect(findRoom(rooms, 'L109')).toMatchObject({ ok: false, candidates: [] });
    const miss = findRoom(rooms, 'L109');
    expect(miss.ok ? null : miss.message).toMatch(/^unknown room "L109"; rooms: L108-A, /);
  });
  it('is not fooled by names of built-ins', () => {
    expect(findRoom(rooms, 'constructor').ok).toBe(false);
    expect(findRoom(rooms, '__proto__').ok).toBe(false);
  });
});
