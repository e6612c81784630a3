/**
 * The owners who may have an open wait_event wait, as this instance knows them, so the event-wait
 * subscriber reads `workflow_event_waits` only for their events (most events have no wait to
 * match). Missing an owner would miss a match; holding one too many costs a read. So:
 *
 * - until the first read of all open waits (`learnAll`) every owner may wait;
 * - a wait opened here is known before its row is inserted (`opening`);
 * - a wait opened on another instance is known when its `workflow.run.waiting` event arrives,
 *   after its row committed; until then the instance that opened it matches it (every instance
 *   receives every event), as before;
 * - an owner is forgotten only when a read found no open wait of theirs and nothing opened since
 *   that read began (`now`, a counter of this instance's changes).
 */
export function createWaitingOwners() {
  let learned = false;
  let changes = 0;
  const owners = new Map<string, { changed: number; opening: number }>();
  const entry = (ownerId: string) => {
    let known = owners.get(ownerId);
    if (!known) owners.set(ownerId, (known = { changed: 0, opening: 0 }));
    known.changed = ++changes;
    return known;
  };

  return {
    mayWait: (ownerId: string): boolean => !learned || owners.has(ownerId),

    /** Every owner with an open wait, read once: from then on, only those known may wait. */
    learnAll(ownerIds: string[]): void {
      for (const ownerId of ownerIds) entry(ownerId);
      learned = true;
    },

    /** Runs the insert of a wait row of `ownerId` on this instance, the owner known throughout. */
    async opening<T>(ownerId: string, insert: () => Promise<T>): Promise<T> {
      const known = entry(ownerId);
      known.opening++;
      try {
        return await insert();
      } finally {
        known.opening--;
        known.changed = ++changes;
      }
    },

    /** Another instance (or this one) opened a wait of `ownerId`: its row is committed. */
    heard(ownerId: string): void {
      entry(ownerId);
    },

    /** Taken before a read of open waits, for `noneOpen` after it. */
    now: (): number => changes,

    /** A read begun at `since` (`now()`) found no open wait of the owner. */
    noneOpen(ownerId: string, since: number): void {
      const known = owners.get(ownerId);
      if (known && known.opening === 0 && known.changed <= since) owners.delete(ownerId);
    },
  };
}
export type WaitingOwners = ReturnType<typeof createWaitingOwners>;
