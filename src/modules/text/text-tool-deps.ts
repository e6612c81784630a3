import type { UserActor } from '../../actor.js';
import type { TextWriter } from '../../models/text-writer.js';
import type { FetchPolicy } from '../../net/fetch-url.js';
import type { PdfExtractor } from './pdf/pdf-extractor.js';

/** A document of the user's (their own or a shared one), by id: its type and its bytes. */
export type DocumentReader = (
  actor: UserActor,
  documentId: string,
) => Promise<{ mimeType: string; bytes: Buffer }>;

/** What text tools need besides their input: the size limit and how to fetch a `url` input. */
export interface TextToolDeps {
  /** Largest text accepted, in UTF-8 bytes (TEXT_LIMIT). */
  textLimit: number;
  fetchPolicy: FetchPolicy;
  /** Reads an uploaded document, for tools that take a `resource_id` (extract_pdf_text). */
  readDocument?: DocumentReader | undefined;
  /** Reads PDFs off the event loop within the extraction limits (the same reader uploads use). */
  pdfExtractor: PdfExtractor;
  /** The default model, for the tools that write (abstractive summaries, another tone); absent offline. */
  writer?: TextWriter | undefined;
}
