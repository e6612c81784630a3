import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import { InvalidInputError } from '../../../errors.js';

/** Image formats Tesseract reads. */
const readableTypes = new Set([
  'image/png',
  'image/jpeg',
  'image/bmp',
  'image/webp',
  'image/x-portable-bitmap',
]);
/** Largest image, in pixels: a small file can unpack into a huge bitmap, and OCR memory grows with it. */
export const maxPixels = 40_000_000;

/**
 * The bytes of a base64 image (a `data:image/…;base64,` prefix is allowed), refused when it is not
 * base64, over `maxBytes`, not a PNG, JPEG, BMP, WebP or PBM by its content (file-type), or over
 * 40 megapixels (image-size reads the header only).
 */
export async function decodeImageContent(content: string, maxBytes: number): Promise<Buffer> {
  const base64 = content.replace(/^data:image\/[\w.+-]+;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw new InvalidInputError('image_content must be the image file in base64', { field: 'image_content' });
  const size = Math.floor((base64.length * 3) / 4);
  if (size > maxBytes)
    throw new InvalidInputError(`The image is about ${size} bytes; the limit is ${maxBytes}`, {
      field: 'image_content',
    });
  const bytes = Buffer.from(base64, 'base64');
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !readableTypes.has(type.mime))
    throw new InvalidInputError(
      `image_content must be a PNG, JPEG, BMP, WebP or PBM image${type ? `, not ${type.mime}` : ''}`,
      {
        field: 'image_content',
      },
    );
  let dimensions: { width: number; height: number };
  try {
    dimensions = imageSize(bytes);
  } catch (error) {
    throw new InvalidInputError('image_content is not a readable image', {
      field: 'image_content',
      cause: error,
    });
  }
  if (dimensions.width * dimensions.height > maxPixels)
    throw new InvalidInputError(
      `The image is ${dimensions.width}×${dimensions.height} pixels; the limit is ${maxPixels / 1_000_000} megapixels`,
      { field: 'image_content' },
    );
  return bytes;
}
