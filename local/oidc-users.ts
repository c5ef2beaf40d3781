import { randomUUID } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readTextFile } from '../functions/adapters/local-key-file.js';
import { type LocalUser, localUserFrom } from './oidc-profile.js';

/** The users who signed in at the local login form, so the form can offer them again with what they entered. */
export interface RememberedUsers {
  /** Most recent first. */
  list(): Promise<LocalUser[]>;
  remember(user: LocalUser): Promise<void>;
}

export function localUsersPath(dataDir: string): string {
  return join(dataDir, 'local-users.json');
}

/** `<dataDir>/local-users.json` (mode 0600: names, e-mails, phones), replaced whole on each change so no reader sees half. */
export function rememberedUsers(dataDir: string): RememberedUsers {
  const file = localUsersPath(dataDir);
  // One change at a time, so two sign-ins at once do not lose one of them.
  let changes: Promise<unknown> = Promise.resolve();
  const list = async () => parseUsers(await readTextFile(file));
  return {
    list,
    remember(user) {
      const change = changes.then(async () => {
        const others = (await list()).filter((known) => known.user !== user.user);
        await replaceFile(file, `${JSON.stringify({ users: [user, ...others] }, null, 2)}\n`);
      });
      changes = change.catch(() => undefined);
      return change;
    },
  };
}

/** An unreadable file or entry is skipped rather than refused: it only pre-fills a form, and the next sign-in rewrites it. */
function parseUsers(text: string | undefined): LocalUser[] {
  if (text === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const entries = (parsed as { users?: unknown } | null)?.users;
  return Array.isArray(entries) ? entries.map(localUserFrom).filter((user): user is LocalUser => user !== undefined) : [];
}

async function replaceFile(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const draft = `${file}.${randomUUID()}.tmp`;
  await writeFile(draft, text, { mode: 0o600, flag: 'wx' });
  try {
    await rename(draft, file);
  } catch (error) {
    await unlink(draft).catch(() => undefined);
    throw error;
  }
}
