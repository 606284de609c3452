/**
 * S3 offline: s3rver keeps buckets and objects as plain files under the data dir, so uploads survive
 * a restart. It checks no SigV4 signature and no presigned-POST policy, which is why the handlers
 * verify every upload after it lands (they must in AWS too).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import S3rver from 's3rver';
import { DUMMY_ACCOUNT } from 's3rver/lib/models/account';
import { meter } from './meter';

export interface S3LocalOptions {
  directory: string;
  /** `0` picks a free port. */
  port: number;
}

export interface RunningS3Local {
  endpoint: string;
  /** Accept a key the local STS issued (registerS3Key). */
  registerKey(accessKeyId: string, secretAccessKey: string): void;
  port: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startS3Local(options: S3LocalOptions): Promise<RunningS3Local> {
  const directory = path.resolve(options.directory);
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: HOST,
    port: options.port,
    directory,
    silent: true,
    // Path-style only, like the SDK with S3_FORCE_PATH_STYLE=true: `localhost` has no subdomains.
    vhostBuckets: false,
    resetOnClose: false,
  });
  const address = await server.run();
  // Every request, the browsers' presigned uploads included: S3's request and storage figures.
  server.httpServer?.on('request', (req) => meter.s3Request(req));
  let stopped = false;
  return {
    endpoint: `http://${HOST}:${address.port}`,
    registerKey: registerS3Key,
    port: address.port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // close() waits for open connections; a half-done upload must not hold the shutdown hostage.
      const force = setTimeout(() => server.httpServer?.closeAllConnections(), 1_000);
      await server.close();
      clearTimeout(force);
    },
  };
}

/**
 * Lets s3rver accept a key the local STS issued (infra/local/sts.ts): it checks no signature, but
 * refuses a key it does not know. What the key may touch is the access guard's to decide.
 */
export function registerS3Key(accessKeyId: string, secretAccessKey: string): void {
  DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
}
