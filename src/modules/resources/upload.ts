import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from '../../errors.js';
import { refuseUnstorableText, withoutNulCharacters } from '../../storable-text.js';
import { FileTooLargeError } from './errors.js';
import type { UploadFields } from './schema.js';
import type { UploadedFile } from './service.js';

/**
 * Reads a multipart upload: exactly one `file` part, and the fields beside it (tags as a JSON
 * array or comma-separated, metadata as JSON). The file is buffered up to the limit and no further.
 */
export async function readUpload(
  request: FastifyRequest,
  uploadLimit: number,
): Promise<{ file: UploadedFile; fields: UploadFields }> {
  if (!request.isMultipart())
    throw new InvalidInputError('Send the file as multipart/form-data with a part named "file"', {
      field: 'file',
    });
  let file: UploadedFile | undefined;
  const raw: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file)
          throw new InvalidInputError('Send exactly one file, in the part named "file"', { field: 'file' });
        file = { filename: filenameFrom(part.filename), bytes: await part.toBuffer() };
      } else {
        raw[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new FileTooLargeError(uploadLimit);
    if (
      (error as { code?: string }).code === 'FST_PARTS_LIMIT' ||
      (error as { code?: string }).code === 'FST_FIELDS_LIMIT'
    )
      throw new InvalidInputError('Too many parts in the upload', { field: 'file' });
    throw error;
  }
  if (!file) throw new InvalidInputError('No file: send it in the part named "file"', { field: 'file' });
  const fields = uploadFields(raw);
  refuseUnstorableText(fields);
  return { file, fields };
}

/** What browsers escape in a multipart file name (WHATWG HTML, multipart/form-data encoding). */
const escapedInFormData: Record<string, string> = { '%22': '"', '%0a': '\n', '%0d': '\r' };

/**
 * The file's real name: a browser sends `a"b.html` as `a%22b.html` (and line breaks as %0A, %0D)
 * and nothing else escaped, so exactly those are undone. U+0000 is dropped: a name is kept as text.
 */
function filenameFrom(sent: string): string {
  const name = withoutNulCharacters(
    sent.replace(/%(?:22|0a|0d)/gi, (escape) => escapedInFormData[escape.toLowerCase()] ?? escape),
  );
  return name || 'upload';
}

function uploadFields(raw: Record<string, string>): UploadFields {
  return {
    ...(raw.name !== undefined && { name: raw.name }),
    ...(raw.description !== undefined && { description: raw.description }),
    ...(raw.visibility !== undefined && { visibility: raw.visibility as UploadFields['visibility'] }),
    ...(raw.tags !== undefined && { tags: listField(raw.tags) }),
    ...(raw.metadata !== undefined && {
      metadata: jsonField(raw.metadata, 'metadata') as Record<string, unknown>,
    }),
  };
}

function listField(value: string): string[] {
  if (value.trim().startsWith('[')) return jsonField(value, 'tags') as string[];
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

function jsonField(value: string, field: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new InvalidInputError(`${field} must be JSON`, { field });
  }
}
