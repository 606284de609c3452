/**
 * Starts one offline cloud for the whole integration run, on a fresh temp data dir and free ports.
 * Jest workers inherit process.env as it is when they start, which is after this setup, so the
 * test files find the cloud in MOTCUA_BASE_URL, MOTCUA_TOKENS (JSON) and MOTCUA_CLOUD (the whole
 * READY info as JSON). The teardown, run in this same process, reads the MOTCUA_CLOUD_* keys.
 *
 * The rule for a new test (docs/testing.md): put it on this shared cloud unless it kills or
 * restarts the cloud, moves its clock, or needs a start setting every other file would suffer
 * from; two jest workers use it at once, so assert on data only your test touches, never on exact
 * cloud-wide counts. A cloud of one's own costs 6 s idle, 15–30 s under load, each time.
 */
import { startCloudProcess } from '../helpers/offline';

export default async function globalSetup(): Promise<void> {
  const cloud = await startCloudProcess({ timeoutMs: 60_000 });
  process.env.MOTCUA_BASE_URL = cloud.baseUrl;
  process.env.MOTCUA_TOKENS = JSON.stringify(cloud.tokens);
  process.env.MOTCUA_CLOUD = JSON.stringify(cloud.info);
  process.env.MOTCUA_CLOUD_PID = String(cloud.pid);
  process.env.MOTCUA_CLOUD_DATA_DIR = cloud.dataDir;
}
