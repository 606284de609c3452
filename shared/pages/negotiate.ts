/**
 * Whether a client wants the HTML page rather than JSON, from its `Accept` header. A browser
 * (and a phone's browser after scanning a form's QR code) sends `text/markup` first and the wildcard
 * at a lower weight; API clients send `application/json`, the wildcard or nothing. So HTML goes only to a
 * client that names `text/markup` (or XHTML) with a weight above what it gives JSON; ties keep JSON,
 * the API's contract. A malformed weight counts as 1, as most servers read it.
 */
interface Range {
  type: string;
  q: number;
}

function ranges(accept: string): Range[] {
  return accept.split(',').flatMap((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!type) return [];
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return [{ type, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 1 }];
  });
}

const weight = (list: Range[], types: string[]): number =>
  Math.max(0, ...list.filter((r) => types.includes(r.type)).map((r) => r.q));

export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const list = ranges(accept.slice(0, 2000));
  const html = weight(list, ['text/html', 'application/xhtml+xml']);
  const json = weight(list, ['application/json', 'application/problem+json', 'application/*', '*/*']);
  return html > 0 && html > json;
}
