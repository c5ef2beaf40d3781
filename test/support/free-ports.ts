import { type AddressInfo, createServer, type Server } from 'node:net';
import { closeServer, listen } from '../../local/ports.js';

/** `count` distinct ports the OS reports free right now (held together while picking, so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((server) => listen(server, 0)));
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => closeServer(server)));
  return ports;
}
