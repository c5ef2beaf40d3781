import { createServer, type Server } from 'node:net';
import { type LocalConfig, LocalStackError, PORT_SETTINGS, type PortName } from './config.js';

export const LOCAL_HOST = '127.0.0.1';

export function localUrl(port: number): string {
  return `http://${LOCAL_HOST}:${port}`;
}

/** Fails on the first busy port with a line saying which variable moves it. */
export async function assertPortsFree(config: LocalConfig): Promise<void> {
  for (const [name, port] of Object.entries(config.ports) as [PortName, number][]) {
    if (!(await isPortFree(port))) {
      const { envVar, what } = PORT_SETTINGS[name];
      throw new LocalStackError(`port ${port} (${what}) is already in use: stop what holds it or set ${envVar} to another port`);
    }
  }
}

/** Probes the wildcard address, so a listener on any interface counts as busy (DynamoDB Local binds all). */
export async function isPortFree(port: number): Promise<boolean> {
  const probe = createServer();
  try {
    await listen(probe, port);
    return true;
  } catch {
    return false;
  } finally {
    if (probe.listening) await closeServer(probe);
  }
}

export function listen(server: Pick<Server, 'listen' | 'once' | 'off'>, port: number, host?: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    const onListening = () => {
      server.off('error', onError);
      resolvePromise();
    };
    if (host) server.listen(port, host, onListening);
    else server.listen(port, onListening);
  });
}

export function closeServer(server: Pick<Server, 'close'> & { closeAllConnections?: () => void }): Promise<void> {
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise());
    server.closeAllConnections?.();
  });
}
