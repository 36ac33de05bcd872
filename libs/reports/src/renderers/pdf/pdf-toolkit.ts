/**
 * What another lib needs to write a tagged PDF of its own (the register extract): pdfkit, the
 * embedded fonts and the tagged layout. Reached through `loadPdfToolkit()` in the index, so that
 * a process loads pdfkit and reads the fonts only when it first writes such a PDF.
 */
export { default as PDFDocument } from 'pdfkit';
export { BOLD_FONT, REGULAR_FONT, useFonts } from './fonts';
export { MARGIN } from './pdf-figures';
export { TaggedLayout } from './tagged-layout';
