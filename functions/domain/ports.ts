/** Ports every domain needs: time and identifiers. Adapters and tests supply them. */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date() };
