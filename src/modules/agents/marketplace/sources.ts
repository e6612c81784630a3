import type { UserActor } from '../../../actor.js';
import { DomainError } from '../../../errors.js';
import type { ListingCapability, ListingKind } from './tables.js';

/** What publishing reads from an author's own agent, team or workflow. */
export interface PublishedItem {
  sourceId: string;
  name: string;
  description: string;
  capabilities: ListingCapability[];
  version: number;
  document: Record<string, unknown>;
}

/**
 * Where listings of one kind come from and where installs go: the agents service for agents, the
 * workflows service for workflows, the teams service (agents-coop) for teams. Each method checks
 * the actor as its service does: another user's item is not found.
 */
export interface ListingSource {
  kind: ListingKind;
  /** The actor's own item as it would be published now (not found unless the actor owns it). */
  readForPublishing(actor: UserActor, idOrName: string): Promise<PublishedItem>;
  /** Makes the actor's own private copy of a published document under `name`; its id. */
  install(actor: UserActor, document: Record<string, unknown>, name: string): Promise<{ id: string }>;
  /** Saves the document as the next version of the actor's copy, keeping the copy's name. */
  update(actor: UserActor, targetId: string, document: Record<string, unknown>): Promise<void>;
}

/** True for a "you already have one by that name" error of any module (AGENT_NAME_TAKEN …). */
export function isNameTaken(error: unknown): boolean {
  return error instanceof DomainError && error.kind === 'conflict' && error.code.endsWith('_NAME_TAKEN');
}

/**
 * Installs under the wanted name, or — when none was asked for — under the document's name made
 * free (`name-2`, `name-3` …) if the actor already has one by that name.
 */
export async function installUnderFreeName(
  source: ListingSource,
  actor: UserActor,
  document: Record<string, unknown>,
  wanted: string | undefined,
): Promise<{ id: string }> {
  if (wanted !== undefined) return source.install(actor, document, wanted);
  const base = String(document.name ?? source.kind).slice(0, 60);
  for (let attempt = 1; ; attempt += 1) {
    const name = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      return await source.install(actor, document, name);
    } catch (error) {
      if (!isNameTaken(error) || attempt >= 50) throw error;
    }
  }
}
