/**
 * The report's fonts (DejaVu Sans: å, ä, ö and the rest), read and parsed once per thread.
 *
 * pdfkit parses a registered font file anew for every document (fontkit.create: some 35 ms for
 * the two DejaVu files, a quarter of a report's time). A parsed fontkit font is not changed by
 * use (but for the characters of its glyphs: see restoreCharacters), and pdfkit keeps what
 * belongs to one document (the subset of glyphs it embeds, the widths, its layout cache) in the
 * per-document EmbeddedFont around it. So the first document
 * parses each file as usual; later documents get an EmbeddedFont around the same parsed font.
 *
 * This reaches into pdfkit's document (`_font`, `_fontFamilies`, `_fontCount`, as its `font()`
 * method uses them), checked against pdfkit 0.17; a version that changed them would fail the
 * PDF tests, which read the text back.
 */
import fs from 'node:fs';

interface FontkitGlyph {
  codePoints: number[];
}

interface FontkitFont {
  postscriptName: string;
  _glyphs: Record<string, FontkitGlyph | undefined>;
  _cmapProcessor: { codePointsForGlyph(glyph: number): number[] };
}

interface EmbeddedFont {
  font: FontkitFont;
  name: string;
}

type EmbeddedFontClass = new (
  document: PDFKit.PDFDocument,
  font: FontkitFont,
  id: string,
) => EmbeddedFont;

interface DocumentFonts {
  _font: EmbeddedFont | null;
  _fontFamilies: Record<string, EmbeddedFont>;
  _fontCount: number;
}

const parsed = new Map<Buffer, { font: FontkitFont; type: EmbeddedFontClass }>();

/** Registers `files` under their names and makes them ready to use, parsing each once. */
export function useFonts(document: PDFKit.PDFDocument, files: Record<string, Buffer>): void {
  const internals = document as unknown as DocumentFonts;
  for (const [name, file] of Object.entries(files)) {
    document.registerFont(name, file);
    const known = parsed.get(file);
    if (known) {
      restoreCharacters(known.font);
      const embedded = new known.type(document, known.font, `F${++internals._fontCount}`);
      internals._fontFamilies[name] = embedded;
      internals._fontFamilies[embedded.name] = embedded;
    } else {
      document.font(name);
      const embedded = internals._font;
      if (embedded?.font?.postscriptName) {
        parsed.set(file, {
          font: embedded.font,
          type: embedded.constructor as EmbeddedFontClass,
        });
      }
    }
  }
}

/**
 * fontkit keeps one glyph object per glyph, with the characters it was first looked up for, and
 * pdfkit writes those characters into a document's text layer (ToUnicode). Embedding a subset
 * looks up the parts of composite glyphs without characters: after a document with "Ö" (an O and
 * a diaeresis) but no plain "O", the O had none, and the next document's "Others" read as
 * " thers" to a screen reader or a search. Before a document reuses the font, each glyph looked
 * up without characters gets those the font maps to it (a few, once each).
 */
function restoreCharacters(font: FontkitFont): void {
  for (const [id, glyph] of Object.entries(font._glyphs)) {
    if (glyph && glyph.codePoints.length === 0) {
      glyph.codePoints = font._cmapProcessor.codePointsForGlyph(Number(id));
    }
  }
}

const read = (file: string) => fs.readFileSync(require.resolve(file));
export const REGULAR_FONT = read('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const BOLD_FONT = read('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
