import { createHash } from 'node:crypto';

/**
 * How many index partitions (or counter items) a busy kind of write is spread over. One partition key of an index
 * takes about 1 000 writes a second; every state change writes an audit record and most an outbox event, so those
 * must not all land on one index partition (nor on one counter item).
 */
export const WRITE_SHARDS = 16;

/** The shard of an item: a stable hash of its identity, 0 to WRITE_SHARDS - 1. */
export function shardOf(identity: string): number {
  return createHash('sha256').update(identity).digest().readUInt32BE(0) % WRITE_SHARDS;
}

/** A shard's two-digit suffix, so a partition's shards sort in order. */
export const shardSuffix = (shard: number) => String(shard).padStart(2, '0');

export const allShards = (): number[] => Array.from({ length: WRITE_SHARDS }, (_, shard) => shard);
