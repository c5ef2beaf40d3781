import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

/** One write of a TransactWriteItems call (its own module, so the counter writes can name it without an import circle). */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
