import { DomainError } from '../../errors.js';

/**
 * The resource does not exist, or the user may not see it (which is not revealed). `field` names
 * the input that carried the id (`document_id` for the tools).
 */
export class ResourceNotFoundError extends DomainError {
  readonly code = 'RESOURCE_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(
    readonly resourceId: string,
    field = 'resource_id',
  ) {
    super(`Resource ${resourceId} not found`, { field });
  }
}

/** A shared resource the user can read but, not owning it, may not change. */
export class ResourceReadOnlyError extends DomainError {
  readonly code = 'RESOURCE_READ_ONLY';
  readonly kind = 'forbidden';
  constructor(resourceId: string) {
    super(`Resource ${resourceId} is shared with you to read; only its owner can change it`);
  }
}

/** The version asked for does not exist. */
export class ResourceVersionNotFoundError extends DomainError {
  readonly code = 'RESOURCE_VERSION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(resourceId: string, version: number) {
    super(`Resource ${resourceId} has no version ${version}`, { field: 'version' });
  }
}

/** The change does not apply to this kind of resource (new content for an uploaded file, refreshing a note). */
export class WrongResourceKindError extends DomainError {
  readonly code = 'WRONG_RESOURCE_KIND';
  readonly kind = 'invalid';
}

/** The file's name promises one type and its content is another. */
export class FileTypeMismatchError extends DomainError {
  readonly code = 'FILE_TYPE_MISMATCH';
  readonly kind = 'invalid';
  constructor(filename: string, actual: string) {
    super(`${filename} does not contain what its name says: its content is ${actual}`, { field: 'file' });
  }
}

/** The file's content is of a type documents do not keep. */
export class UnsupportedFileTypeError extends DomainError {
  readonly code = 'UNSUPPORTED_FILE_TYPE';
  readonly kind = 'invalid';
  constructor(actual: string) {
    super(
      `Files of this type are not kept (${actual}); text, Markdown, HTML, CSV, JSON, PDF, images, audio and Office documents are`,
      { field: 'file' },
    );
  }
}

/** The uploaded file is larger than UPLOAD_LIMIT. */
export class FileTooLargeError extends DomainError {
  readonly code = 'FILE_TOO_LARGE';
  readonly kind = 'too_large';
  constructor(limit: number) {
    super(`The file is larger than the upload limit of ${limit} bytes (UPLOAD_LIMIT)`, { field: 'file' });
  }
}
