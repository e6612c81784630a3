import { uuidv7 } from 'uuidv7';

/** Makes a new row id. UUIDv7: unique across instances and sorted by creation time. */
export type IdGenerator = () => string;

export const newId: IdGenerator = () => uuidv7();
