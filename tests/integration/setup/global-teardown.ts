/** Stops the shared offline cloud (SIGTERM, SIGKILL after 5 s) and removes its temp data dir. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { stopCloudProcess } from '../helpers/offline';

export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.MOTCUA_CLOUD_PID);
  if (Number.isInteger(pid) && pid > 0) await stopCloudProcess({ pid });
  const dataDir = process.env.MOTCUA_CLOUD_DATA_DIR;
  // The data dir and its logs sit in a temp folder of their own, made by startCloudProcess;
  // MOTCUA_KEEP_DATA=true keeps them for a post-mortem.
  const folder = dataDir ? path.dirname(dataDir) : undefined;
  if (
    folder &&
    path.basename(folder).startsWith('motcua-cloud-') &&
    process.env.MOTCUA_KEEP_DATA !== 'true'
  ) {
    await rm(folder, { recursive: true, force: true });
  }
}
