/**
 * What KMS binds a tenant's wrapped personal-data key to, on wrapping (personal-data-key-create.ts)
 * and unwrapping (personal-data-keys.ts): one province's key cannot be unwrapped as another's.
 */
export const tenantContext = (tenant: string) => ({ tenant });
