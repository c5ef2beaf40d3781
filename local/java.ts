import { spawnSync } from 'node:child_process';
import { LocalStackError } from './config.js';

const MINIMUM_JAVA = 17;
const INSTALL_HINT = 'apt-get install default-jre-headless';

/** DynamoDB Local is a Java program; say what to install instead of letting the spawn fail obscurely. */
export function assertJavaAvailable(command = 'java'): void {
  const result = spawnSync(command, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalStackError(`Java ${MINIMUM_JAVA}+ is needed for DynamoDB Local and "${command}" was not found: ${INSTALL_HINT}`);
  }
  const major = javaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < MINIMUM_JAVA) {
    throw new LocalStackError(`Java ${MINIMUM_JAVA}+ is needed for DynamoDB Local, found ${major ?? 'an unknown version'}: ${INSTALL_HINT}`);
  }
}

/** `java -version` prints `version "17.0.15"`, or `version "1.8.0_292"` for Java 8 and older. */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}
