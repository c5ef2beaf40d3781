import sesLocal from 'aws-ses-v2-local';
import { LocalStackError } from './config.js';
import { closeServer, LOCAL_HOST, localUrl } from './ports.js';

// A CommonJS module marked __esModule: imported from ESM, the server function is on `default` of the default export.
const startSesServer = (sesLocal as unknown as { default?: typeof sesLocal }).default ?? sesLocal;

/** aws-ses-v2-local: the SES API on `endpoint`, and a web inbox of every mail sent at the same address. */
export async function startSesLocal(port: number): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const server = await startSesServer({ host: LOCAL_HOST, port });
  // Its listen callback swallows errors and resolves anyway.
  if (!server.listening) throw new LocalStackError(`SES local could not listen on port ${port}`);
  return { endpoint: localUrl(port), stop: () => closeServer(server) };
}
