/**
 * Port helpers. `0` means "any free port": Node's own servers can listen on 0 and report the port,
 * but DynamoDB Local (Java) cannot tell us which port it got, so we ask the kernel for one first.
 */
import net from 'node:net';

/** A port nobody is listening on right now (there is a tiny race until the caller binds it). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

/** `0` → a free port; anything else is kept. */
export const concretePort = async (port: number, host?: string): Promise<number> =>
  port === 0 ? freePort(host) : port;

/** Reads a port from the environment: unset → the fallback, `0` → "pick one", otherwise 1..65535. */
export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number (0 = any free port), got ${raw}`);
  return port;
}
