/**
 * Where scans live in the attachments bucket. Two areas, so that IAM can tell them apart:
 * - `staging/`: what browsers PUT with a presigned URL. Only the function that hands out upload
 *   URLs may write here; nothing here is ever served. Unconfirmed objects expire (lifecycle rule).
 * - `stored/`: scans that passed the confirm step, written by that step alone, from the very bytes
 *   it checked. No presigned upload URL can target it, so a checked scan stays the scan that was
 *   checked, and downloads are signed only for objects here.
 * Free of configuration, so CDK, the offline cloud and the handlers can all import it.
 */
export const BUCKET_AREAS = { staging: 'staging/', stored: 'stored/' } as const;
export type BucketArea = keyof typeof BUCKET_AREAS;

export const stagingKey = (tenant: string, code: string, id: string) =>
  `${BUCKET_AREAS.staging}${tenant}/${code}/${id}`;

/**
 * The key names the hash of its bytes: a second confirm racing the first (after another PUT to the
 * staging key) writes other bytes to another key instead of replacing the ones already checked.
 */
export const storedKey = (tenant: string, code: string, id: string, sha256: string, fileName: string) =>
  `${BUCKET_AREAS.stored}${tenant}/${code}/${id}/${sha256}/${fileName}`;

/** The upload a staging key belongs to, or undefined for a key not laid out by `stagingKey`. */
export function parseStagingKey(key: string): { tenant: string; code: string; id: string } | undefined {
  if (!key.startsWith(BUCKET_AREAS.staging)) return undefined;
  const parts = key.slice(BUCKET_AREAS.staging.length).split('/');
  if (parts.length !== 3 || parts.some((p) => p === '')) return undefined;
  const [tenant, code, id] = parts as [string, string, string];
  return { tenant, code, id };
}
