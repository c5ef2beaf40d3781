import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the openssl command line in a fresh directory holding `files`; gives its exit status and output. */
export function openssl(args: string[], files: Record<string, string | Uint8Array>) {
  const dir = mkdtempSync(join(tmpdir(), 'pms-openssl-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
