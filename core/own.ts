// Objects used as maps of names someone else chose (room ids, people, query fields): Object.prototype's members
// (`constructor`, `toString`, `__proto__`…) must never answer for a key that is not there.

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function own<V>(map: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** An object with no prototype: every key, `__proto__` included, is an ordinary own field. */
export function dict<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}
