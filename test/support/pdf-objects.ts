/**
 * Reads a PDF's object tree (catalog, structure tree, content streams) for tests. pdf.js (the
 * copy pdf-parse brings, 2.0) reads text positions, images and XMP metadata, but not the
 * structure tree or the catalog; until a PDF library that does (pdfjs-dist 4+, pdf-lib) is a
 * dev dependency, this reads the plain object syntax that pdfkit writes (PDF 1.7 without object
 * streams: every object is "N G obj ... endobj", streams are Flate or uncompressed). It refuses
 * what it does not understand rather than guessing.
 */
import zlib from 'node:zlib';

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict;

export class PdfDict {
  constructor(readonly entries: Map<string, PdfValue>) {}

  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
}

export interface PdfObject {
  value: PdfValue;
  /** the stream's bytes, decoded, when the object is a stream */
  stream?: Buffer;
}

const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const isWhite = (c: string) =>
  c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';

/** Decodes a PDF text string: UTF-16BE with its byte order mark, else PDFDocEncoding (latin1). */
function textString(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let text = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      text += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    }
    return text;
  }
  return Buffer.from(bytes).toString('latin1');
}

class Parser {
  position: number;

  constructor(
    private readonly source: string,
    start: number,
  ) {
    this.position = start;
  }

  private skipWhite(): void {
    for (;;) {
      const c = this.source[this.position];
      if (c === undefined) {
        return;
      }
      if (c === '%') {
        while (
          this.source[this.position] !== undefined &&
          !/[\r\n]/.test(this.source[this.position] ?? '')
        ) {
          this.position += 1;
        }
      } else if (isWhite(c)) {
        this.position += 1;
      } else {
        return;
      }
    }
  }

  private word(): string {
    const start = this.position;
    while (
      this.position < this.source.length &&
      !isWhite(this.source[this.position] ?? ' ') &&
      !DELIMITERS.has(this.source[this.position] ?? ' ')
    ) {
      this.position += 1;
    }
    return this.source.slice(start, this.position);
  }

  peekWord(): string {
    const saved = this.position;
    this.skipWhite();
    const word = this.word();
    this.position = saved;
    return word;
  }

  value(): PdfValue {
    this.skipWhite();
    const c = this.source[this.position];
    if (c === '/') {
      this.position += 1;
      return new PdfName(
        this.word().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) =>
          String.fromCharCode(parseInt(hex, 16)),
        ),
      );
    }
    if (c === '<' && this.source[this.position + 1] === '<') {
      this.position += 2;
      const entries = new Map<string, PdfValue>();
      for (;;) {
        this.skipWhite();
        if (this.source.startsWith('>>', this.position)) {
          this.position += 2;
          return new PdfDict(entries);
        }
        const key = this.value();
        if (!(key instanceof PdfName)) {
          throw new Error(`a dictionary key that is not a name at ${this.position}`);
        }
        entries.set(key.name, this.value());
      }
    }
    if (c === '<') {
      const end = this.source.indexOf('>', this.position);
      const hex = this.source.slice(this.position + 1, end).replace(/\s/g, '');
      this.position = end + 1;
      return textString([...Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')]);
    }
    if (c === '[') {
      this.position += 1;
      const values: PdfValue[] = [];
      for (;;) {
        this.skipWhite();
        if (this.source[this.position] === ']') {
          this.position += 1;
          return values;
        }
        values.push(this.value());
      }
    }
    if (c === '(') {
      return this.literal();
    }
    const word = this.word();
    if (word === 'true' || word === 'false') {
      return word === 'true';
    }
    if (word === 'null') {
      return null;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      const number = Number(word);
      // "N G R" is a reference
      const saved = this.position;
      const generation = this.peekWord();
      if (/^\d+$/.test(word) && /^\d+$/.test(generation)) {
        this.skipWhite();
        this.word();
        if (this.peekWord() === 'R') {
          this.skipWhite();
          this.word();
          return new PdfRef(number, Number(generation));
        }
      }
      this.position = saved;
      return number;
    }
    throw new Error(`unexpected '${word || c}' at ${this.position}`);
  }

  private literal(): string {
    this.position += 1;
    const bytes: number[] = [];
    let depth = 1;
    for (;;) {
      const c = this.source[this.position];
      if (c === undefined) {
        throw new Error('an unterminated string');
      }
      this.position += 1;
      if (c === '\\') {
        const next = this.source[this.position] ?? '';
        this.position += 1;
        const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
        if (next in escapes) {
          bytes.push(escapes[next] ?? 0);
        } else if (/[0-7]/.test(next)) {
          let octal = next;
          while (octal.length < 3 && /[0-7]/.test(this.source[this.position] ?? '')) {
            octal += this.source[this.position];
            this.position += 1;
          }
          bytes.push(parseInt(octal, 8) & 0xff);
        } else if (next === '\r' || next === '\n') {
          if (next === '\r' && this.source[this.position] === '\n') {
            this.position += 1;
          }
        } else {
          bytes.push(next.charCodeAt(0));
        }
      } else {
        if (c === '(') {
          depth += 1;
        } else if (c === ')') {
          depth -= 1;
          if (depth === 0) {
            return textString(bytes);
          }
        }
        bytes.push(c.charCodeAt(0));
      }
    }
  }
}

export class PdfObjects {
  private readonly source: string;
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfObject>();
  readonly trailer: PdfDict;

  constructor(readonly pdf: Buffer) {
    this.source = pdf.toString('latin1');
    for (const match of this.source.matchAll(/(?:^|[\r\n])(\d+) (\d+) obj\b/g)) {
      this.offsets.set(Number(match[1]), (match.index ?? 0) + match[0].length);
    }
    const trailer = this.source.lastIndexOf('trailer');
    if (trailer < 0) {
      throw new Error('no trailer: cross-reference streams are not read here');
    }
    const value = new Parser(this.source, trailer + 'trailer'.length).value();
    if (!(value instanceof PdfDict)) {
      throw new Error('the trailer is not a dictionary');
    }
    this.trailer = value;
  }

  get version(): string {
    return /^%PDF-(\d\.\d)/.exec(this.source)?.[1] ?? '';
  }

  object(ref: PdfRef): PdfObject {
    const known = this.cache.get(ref.num);
    if (known) {
      return known;
    }
    const offset = this.offsets.get(ref.num);
    if (offset === undefined) {
      throw new Error(`no object ${ref.num}`);
    }
    const parser = new Parser(this.source, offset);
    const value = parser.value();
    const object: PdfObject = { value };
    const rest = this.source.slice(parser.position, parser.position + 20);
    const streamStart = /^\s*stream\r?\n/.exec(rest);
    if (streamStart && value instanceof PdfDict) {
      const start = parser.position + streamStart[0].length;
      const length = this.resolve(value.get('Length'));
      if (typeof length !== 'number') {
        throw new Error(`stream ${ref.num} without a length`);
      }
      const raw = this.pdf.subarray(start, start + length);
      const filter = this.resolve(value.get('Filter'));
      if (filter instanceof PdfName && filter.name === 'FlateDecode') {
        object.stream = zlib.inflateSync(raw);
      } else if (filter === undefined) {
        object.stream = Buffer.from(raw);
      } else {
        throw new Error(`stream ${ref.num}: filter not read here`);
      }
    }
    this.cache.set(ref.num, object);
    return object;
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value instanceof PdfRef ? this.object(value).value : value;
  }

  dict(value: PdfValue | undefined): PdfDict {
    const resolved = this.resolve(value);
    if (!(resolved instanceof PdfDict)) {
      throw new Error('not a dictionary');
    }
    return resolved;
  }

  get catalog(): PdfDict {
    return this.dict(this.trailer.get('Root'));
  }

  /** The pages in order, each with its object number. */
  pages(): { ref: PdfRef; page: PdfDict }[] {
    const walk = (ref: PdfValue | undefined): { ref: PdfRef; page: PdfDict }[] => {
      const node = this.dict(ref);
      const type = node.get('Type');
      if (type instanceof PdfName && type.name === 'Page' && ref instanceof PdfRef) {
        return [{ ref, page: node }];
      }
      const kids = this.resolve(node.get('Kids'));
      return Array.isArray(kids) ? kids.flatMap((kid) => walk(kid)) : [];
    };
    return walk(this.catalog.get('Pages'));
  }

  /** A page's content, its streams joined. */
  content(page: PdfDict): string {
    const contents = page.get('Contents');
    const refs = Array.isArray(contents) ? contents : [contents];
    return refs
      .map((ref) =>
        ref instanceof PdfRef ? (this.object(ref).stream?.toString('latin1') ?? '') : '',
      )
      .join('\n');
  }
}

/** One element of the structure tree, children resolved. */
export interface StructElement {
  type: string;
  alt?: string;
  attributes?: PdfDict;
  /** the page the element's first content is on (object number) */
  page?: number;
  /** marked-content ids, with the page object number each is on */
  content: { page: number; mcid: number }[];
  children: StructElement[];
}

export function structTree(objects: PdfObjects): StructElement[] {
  const root = objects.dict(objects.catalog.get('StructTreeRoot'));
  const read = (value: PdfValue | undefined, page: number | undefined): StructElement[] => {
    const dict = objects.dict(value);
    const type = dict.get('S');
    const own = dict.get('Pg');
    const pageOf = own instanceof PdfRef ? own.num : page;
    const element: StructElement = {
      type: type instanceof PdfName ? type.name : '?',
      content: [],
      children: [],
      ...(pageOf !== undefined ? { page: pageOf } : {}),
    };
    const alt = objects.resolve(dict.get('Alt'));
    if (typeof alt === 'string') {
      element.alt = alt;
    }
    const attributes = objects.resolve(dict.get('A'));
    if (attributes instanceof PdfDict) {
      element.attributes = attributes;
    }
    const kids = objects.resolve(dict.get('K'));
    for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]) {
      if (typeof kid === 'number') {
        element.content.push({ page: pageOf ?? -1, mcid: kid });
        continue;
      }
      const child = objects.dict(kid);
      const childType = child.get('Type');
      if (childType instanceof PdfName && childType.name === 'MCR') {
        const pg = child.get('Pg');
        const mcid = child.get('MCID');
        element.content.push({
          page: pg instanceof PdfRef ? pg.num : (pageOf ?? -1),
          mcid: typeof mcid === 'number' ? mcid : -1,
        });
      } else {
        element.children.push(...read(kid, pageOf));
      }
    }
    return [element];
  };
  const kids = objects.resolve(root.get('K'));
  return (Array.isArray(kids) ? kids : [kids]).flatMap((kid) => read(kid ?? undefined, undefined));
}

/** Every element of a tree, depth first (reading order). */
export function flatten(elements: StructElement[]): StructElement[] {
  return elements.flatMap((element) => [element, ...flatten(element.children)]);
}

/**
 * The marked content of a page's content stream: for each text-showing operator, the innermost
 * marked-content sequence it is in (an MCID, or 'Artifact'), or null when it is in none.
 */
export function markedText(content: string): { mcid: number | 'Artifact' | null }[] {
  const tokens =
    content.match(
      /<<|>>|<[0-9a-fA-F\s]*>|\[|\]|\/[^\s/[\]<>()]+|\((?:\\.|[^\\)])*\)|[^\s[\]<>/()]+/g,
    ) ?? [];
  const stack: (number | 'Artifact' | 'other')[] = [];
  const shown: { mcid: number | 'Artifact' | null }[] = [];
  let tag = '';
  let mcid: number | null = null;
  let depth = 0;
  for (const [index, token] of tokens.entries()) {
    const next = tokens[index + 1] ?? '';
    if (token === '<<' || token === '>>') {
      depth += token === '<<' ? 1 : -1;
    } else if (depth > 0) {
      if (token === '/MCID') {
        mcid = Number(next);
      }
    } else if (token.startsWith('/') && ['<<', 'BMC', 'BDC'].includes(next)) {
      tag = token.slice(1);
      mcid = null;
    } else if (token === 'BDC' || token === 'BMC') {
      stack.push(mcid ?? (tag === 'Artifact' ? 'Artifact' : 'other'));
      tag = '';
      mcid = null;
    } else if (token === 'EMC') {
      stack.pop();
    } else if (token === 'Tj' || token === 'TJ' || token === "'" || token === '"') {
      const inner = [...stack].reverse().find((entry) => entry !== 'other');
      shown.push({ mcid: inner ?? null });
    }
  }
  return shown;
}
