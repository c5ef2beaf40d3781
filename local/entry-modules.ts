import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './config.js';

export type LambdaHandler = (event: unknown) => Promise<unknown>;

const loaded = new Map<string, Promise<LambdaHandler>>();

/** The `handler` export of a Lambda entry file (path relative to the repository), imported once, like a warm container. */
export function loadHandler(entry: string): Promise<LambdaHandler> {
  let handler = loaded.get(entry);
  if (!handler) {
    handler = import(pathToFileURL(resolve(REPO_ROOT, entry)).href).then((module: { handler?: unknown }) => {
      if (typeof module.handler !== 'function') throw new Error(`${entry} does not export a handler function`);
      return module.handler as LambdaHandler;
    });
    // Not cached when it fails: an entry file added while the stack runs is found on the next request.
    handler.catch(() => loaded.delete(entry));
    loaded.set(entry, handler);
  }
  return handler;
}
