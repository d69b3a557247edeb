/**
 * A minimal PDF writer for the evaluation corpus. No PDF-writing library is installed and the
 * eval should not add one, so this writes PDF 1.4 by hand: one standard Helvetica font (no
 * embedding needed), uncompressed content streams (the committed file stays readable and
 * diffable) and an exact cross-reference table. Text is wrapped to the page width using
 * Helvetica's character widths, so pdf.js reads it back as lines and paragraphs with headings
 * recognisable by their larger size.
 */

export type PdfBlockKind = 'title' | 'heading' | 'subheading' | 'paragraph';

export interface PdfBlock {
  kind: PdfBlockKind;
  text: string;
}

/** The blocks of one page, top to bottom. */
export type PdfPage = readonly PdfBlock[];

const pageWidth = 595;
const pageHeight = 842;
const margin = 56;
const fontSizes: Record<PdfBlockKind, number> = { title: 20, heading: 15, subheading: 12.5, paragraph: 10.5 };

export function writePdf(pages: readonly PdfPage[], title: string): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalogId = add('');
  const pagesId = add('');
  const fontId = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds = pages.map((page) => {
    const content = pageContent(page);
    const contentId = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    return add(
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] ` +
        `/Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
  });
  objects[catalogId - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const infoId = add(`<< /Title (${pdfString(title)}) /Producer (Docent eval generator) >>`);

  let output = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((body, index) => {
    const offset = Buffer.byteLength(output, 'latin1');
    output += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const crossReferenceOffset = Buffer.byteLength(output, 'latin1');
  output += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  output += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  output += `trailer\n<< /Size ${objects.length + 1} /Root ${catalogId} 0 R /Info ${infoId} 0 R >>\n`;
  output += `startxref\n${crossReferenceOffset}\n%%EOF\n`;
  return Buffer.from(output, 'latin1');
}

function pageContent(blocks: PdfPage): string {
  const commands: string[] = [];
  let baseline = pageHeight - margin;
  for (const block of blocks) {
    const fontSize = fontSizes[block.kind];
    baseline -= block.kind === 'paragraph' ? fontSize * 0.8 : fontSize * 1.2;
    for (const line of wrap(block.text, fontSize, pageWidth - 2 * margin)) {
      baseline -= fontSize * 1.3;
      if (baseline < margin) throw new Error(`Page overflows: "${block.text.slice(0, 40)}..." does not fit`);
      commands.push(`BT /F1 ${fontSize} Tf ${margin} ${baseline.toFixed(1)} Td (${pdfString(line)}) Tj ET`);
    }
  }
  return commands.join('\n');
}

/** Greedy word wrap by Helvetica advance widths (thousandths of the font size). */
function wrap(text: string, fontSize: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const character of text) units += helveticaWidth(character);
  return (units * fontSize) / 1000;
}

function helveticaWidth(character: string): number {
  if (" .,:;'!|ijlI".includes(character)) return 278;
  if ('frt()-/'.includes(character)) return 333;
  if ('mMW'.includes(character)) return 833;
  if ('w%'.includes(character)) return 722;
  if (/[A-Z]/.test(character)) return 680;
  return 556;
}

/** A literal string in WinAnsi (Latin-1 for the characters used here), escaped for PDF syntax. */
function pdfString(text: string): string {
  if (/[^\x20-\x7e\xa0-\xff]/.test(text)) throw new Error(`Text outside Latin-1 cannot be written: ${text}`);
  return text.replace(/[\\()]/g, (character) => `\\${character}`);
}
