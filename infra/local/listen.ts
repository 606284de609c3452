import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts `server` on host:port (0 = any free port) and answers the port it got. */
export async function listen(server: http.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
