import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A PDF made here for tests: one page per entry of `pages`, each line drawn as text, with a title and author. */
export async function makePdf({
  pages,
  title,
  author,
}: {
  pages: string[][];
  title?: string;
  author?: string;
}): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  if (title) document.setTitle(title);
  if (author) document.setAuthor(author);
  document.setCreationDate(new Date('2024-05-01T12:00:00Z'));
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = document.addPage([595, 842]);
    lines.forEach((line, index) => page.drawText(line, { x: 50, y: 780 - index * 18, size: 12, font }));
  }
  return document.save();
}
