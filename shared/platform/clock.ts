/**
 * The one source of "now" for domain decisions (receipt times, due times, overdue checks).
 * Production never moves it; the offline cloud's test endpoint does, so a ten-working-day
 * procedure across Tết can run in seconds. A frozen clock stands still until moved again, which
 * lets tests assert exact working-time arithmetic.
 */
let offsetMs = 0;
let frozenAt: number | undefined;

export const clock = {
  now(): Date {
    return new Date(frozenAt ?? Date.now() + offsetMs);
  },
  /** Moves "now" to the given instant; it keeps ticking from there unless `frozen`. */
  setNow(at: Date, options: { frozen?: boolean } = {}): void {
    frozenAt = options.frozen ? at.getTime() : undefined;
    offsetMs = at.getTime() - Date.now();
  },
  advance(ms: number): void {
    offsetMs += ms;
    if (frozenAt !== undefined) frozenAt += ms;
  },
  isFrozen(): boolean {
    return frozenAt !== undefined;
  },
  reset(): void {
    offsetMs = 0;
    frozenAt = undefined;
  },
};
