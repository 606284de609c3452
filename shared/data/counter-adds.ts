/**
 * The `ADD` clause of an update that increments counters by name, with its placeholders: every
 * counter item (report cells, usage months) is built this way. Absent increments are left out.
 */
export interface CounterAdds {
  /** `#c0 :c0, #c1 :c1`: empty when nothing is added. */
  readonly clause: string;
  readonly names: Record<string, string>;
  readonly values: Record<string, number>;
}

export function counterAdds(increments: Readonly<Record<string, number | undefined>>): CounterAdds {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts: string[] = [];
  for (const [name, by] of Object.entries(increments)) {
    if (by === undefined) continue;
    const i = parts.length;
    names[`#c${i}`] = name;
    values[`:c${i}`] = by;
    parts.push(`#c${i} :c${i}`);
  }
  return { clause: parts.join(', '), names, values };
}
