/**
 * The one source of "now" for domain decisions (receipt times, due times, overdue checks).
 * Production never moves it; the offline cloud's test endpoint does, so a ten-working-day
 * procedure across Tết can run in seconds.
 */
let offsetMs = 0;

export const clock = {
  now(): Date {
    return new Date(Date.now() + offsetMs);
  },
  /** Moves "now" to the given instant (keeps ticking from there). */
  setNow(at: Date): void {
    offsetMs = at.getTime() - Date.now();
  },
  advance(ms: number): void {
    offsetMs += ms;
  },
  reset(): void {
    offsetMs = 0;
  },
};
