/**
 * HTML built by construction: every value put into a template is escaped, unless it is already
 * `Html` (made by this module from escaped parts or from a trusted constant). So a page can never
 * carry untrusted text unescaped, and nothing else in shared/pages concatenates markup by hand.
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text escaped for element content and quoted attribute values alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Markup that is safe to emit as is. Only this module makes one. */
export class Html {
  private constructor(readonly markup: string) {}
  /** @internal */
  static of(markup: string): Html {
    return new Html(markup);
  }
  toString(): string {
    return this.markup;
  }
}

/** What a template accepts: text (escaped), numbers, markup, lists of these; nothing for null/false. */
export type Part = string | number | Html | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.markup;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  return escapeHtml(String(part));
}

/** The tagged template: `markup\`<p>${name}</p>\`` escapes `name`. */
export function markup(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => {
    out += render(part) + (strings[i + 1] ?? '');
  });
  return Html.of(out);
}

/** A constant of this codebase (the stylesheet), never data: emitted as is. */
export const trusted = (constant: string): Html => Html.of(constant);
