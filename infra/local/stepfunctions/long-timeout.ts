/**
 * setTimeout for any duration: Node fires timers longer than 2^31-1 ms (24.8 days) after 1 ms, and
 * a Standard execution may run for a year. Returns a cancel function.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function setLongTimeout(callback: () => void, ms: number): () => void {
  const at = Date.now() + ms;
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = at - Date.now();
    timer = setTimeout(left > MAX_TIMER_MS ? arm : callback, Math.max(0, Math.min(left, MAX_TIMER_MS)));
    // A pending execution timeout must not keep the process alive at stop.
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
