/**
 * A business rule the request broke. The domain names the rule, the field and the kind of
 * refusal (as the HTTP status it maps to); the HTTP layer turns it into problem+json.
 */
export class DomainRuleError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    readonly rule: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainRuleError';
  }
}
