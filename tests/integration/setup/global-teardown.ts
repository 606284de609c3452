/** Stops the shared offline cloud (SIGTERM, SIGKILL after 5 s) and removes its temp data dir. */
import { removeCloudFolder, stopCloudProcess } from '../helpers/offline';

export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.MOTCUA_CLOUD_PID);
  if (Number.isInteger(pid) && pid > 0) await stopCloudProcess({ pid });
  const dataDir = process.env.MOTCUA_CLOUD_DATA_DIR;
  // MOTCUA_KEEP_DATA=true keeps the data dir and the cloud's logs for a post-mortem.
  if (dataDir && process.env.MOTCUA_KEEP_DATA !== 'true') await removeCloudFolder(dataDir);
}
