/**
 * A request's path as the offline gateway logs it: like API Gateway's `$context.path`, without
 * the query's values, which may hold personal data (`GET /v1/work-queue?idNumber=…`, issue 11 §5).
 * The parameter names stay, so the log still says what was asked.
 */
export function loggedPath(url: string | undefined): string {
  const raw = url ?? '';
  const at = raw.indexOf('?');
  if (at < 0) return raw;
  const names = [...new URLSearchParams(raw.slice(at + 1)).keys()];
  return `${raw.slice(0, at)}?${names.map((n) => `${encodeURIComponent(n)}=…`).join('&')}`;
}
