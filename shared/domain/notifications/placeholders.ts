/**
 * The `{placeholders}` a notification template may use, apart from the default templates
 * (./templates.ts): the tenant settings' schema checks a tenant's own wording against this list,
 * and every function that reads the tenant's settings builds that schema, so the messages
 * themselves stay out of their bundles (issue 14).
 */

/** The placeholders a template may use; a tenant's override is checked against this list. */
export const PLACEHOLDERS = [
  'sender',
  'name',
  'code',
  'procedure',
  'date',
  'appointment',
  'items',
  'reason',
  'place',
  'newAppointment',
  'method',
  'link',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string>>;

/** The placeholders a template names that are not in PLACEHOLDERS (for the settings schema). */
export const unknownPlaceholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .filter((key) => !(PLACEHOLDERS as readonly string[]).includes(key));
