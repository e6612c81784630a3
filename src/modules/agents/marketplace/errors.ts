import { DomainError } from '../../../errors.js';

/** No such listing (or it was withdrawn). */
export class ListingNotFoundError extends DomainError {
  readonly code = 'LISTING_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly listingId: string) {
    super(`Marketplace listing ${listingId} not found`);
  }
}

/** No such install of yours (another user's is not revealed). */
export class InstallNotFoundError extends DomainError {
  readonly code = 'INSTALL_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly installId: string) {
    super(`Install ${installId} not found`);
  }
}

export class ReviewNotFoundError extends DomainError {
  readonly code = 'REVIEW_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('You have not reviewed this listing');
  }
}

/** Authors do not rate their own listings. */
export class OwnReviewError extends DomainError {
  readonly code = 'REVIEW_OWN_LISTING';
  readonly kind = 'conflict';
  constructor() {
    super('You cannot review your own listing');
  }
}

/** The kind has no source on this server (teams until the teams module registers theirs). */
export class ListingKindUnavailableError extends DomainError {
  readonly code = 'LISTING_KIND_UNAVAILABLE';
  readonly kind = 'invalid';
  constructor(readonly listingKind: string) {
    super(`Listings of kind ${listingKind} are not available here`, { field: 'kind' });
  }
}
