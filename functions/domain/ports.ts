/** Ports every domain needs: time and identifiers. Adapters and tests supply them. */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date() };

/** One item's change: `previous` as read (written only if still at its revision), or absent for a new item. */
export interface Change<T> {
  next: T;
  previous?: T;
}
