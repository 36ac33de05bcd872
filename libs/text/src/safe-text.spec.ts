import { plainToInstance } from 'class-transformer';
import { IsString, validate } from 'class-validator';
import { IsSafeText } from './safe-text.decorator';
import {
  describeUnsafeCharacter,
  findUnsafeCharacter,
  isSafeText,
  showUnsafeCharacters,
} from './safe-text';

describe('findUnsafeCharacter', () => {
  it.each([
    ['Anna Åberg', null],
    ['Karl-Åke Öst, Vård & omsorg (Söder)', null],
    ['O’Brien 👍 🇸🇪', null],
    ['Zoë Ñúñez 李小龍 محمد', null],
  ])('accepts %j', (text, expected) => {
    expect(findUnsafeCharacter(text)).toBe(expected);
  });

  it.each([
    ['Anna\u0000', 'U+0000', 'control', 5],
    ['An\u0007na', 'U+0007', 'control', 3],
    ['a\u007f', 'U+007F', 'control', 2],
    ['a\u0085b', 'U+0085', 'control', 2],
    ['Anna\tBerg', 'U+0009', 'control', 5],
    ['Anna\nBerg', 'U+000A', 'control', 5],
    ['anna\u200b@x.se', 'U+200B', 'invisible', 5],
    ['a\u200cb', 'U+200C', 'invisible', 2],
    ['a\u200db', 'U+200D', 'invisible', 2],
    ['a\u2060b', 'U+2060', 'invisible', 2],
    ['\ufeffAnna', 'U+FEFF', 'invisible', 1],
    ['a\u00adb', 'U+00AD', 'invisible', 2],
    ['a\u2028b', 'U+2028', 'invisible', 2],
    ['invoice\u202Etxt.exe', 'U+202E', 'bidirectional', 8],
    ['a\u2066b\u2069', 'U+2066', 'bidirectional', 2],
    ['a\u200fb', 'U+200F', 'bidirectional', 2],
    ['a\u061cb', 'U+061C', 'bidirectional', 2],
    ['👍\u202Ex', 'U+202E', 'bidirectional', 2],
    ['a\ud800b', 'U+D800', 'broken', 2],
    ['a\udc00', 'U+DC00', 'broken', 2],
  ])('refuses %j: %s (%s) at %d', (text, codePoint, kind, position) => {
    expect(findUnsafeCharacter(text)).toEqual({ codePoint, kind, position });
  });

  it('keeps line breaks and tabs in multi-line text, and nothing else', () => {
    expect(isSafeText('Bra chef.\r\n\tLyssnar.\n', { multiline: true })).toBe(true);
    expect(findUnsafeCharacter('Bra\n\u0000', { multiline: true })?.codePoint).toBe('U+0000');
    expect(findUnsafeCharacter('Bra\n\u202E', { multiline: true })?.kind).toBe('bidirectional');
  });

  it('describes and shows a refused character without echoing it', () => {
    const found = findUnsafeCharacter('ab\u202Ec');
    expect(found && describeUnsafeCharacter(found)).toBe(
      'contains a bidirectional text control (U+202E) at character 3; remove it',
    );
    expect(showUnsafeCharacters('ab\u202Ec\u0000')).toBe('ab<U+202E>c<U+0000>');
    expect(showUnsafeCharacters('a\nb', { multiline: true })).toBe('a\nb');
  });
});

describe('@IsSafeText', () => {
  class Form {
    @IsString() @IsSafeText() name!: string;
    @IsString({ each: true }) @IsSafeText({}, { each: true }) ids!: string[];
    @IsString() @IsSafeText({ multiline: true }) comment!: string;
  }

  it('names the field, the character and its position', async () => {
    const errors = await validate(
      plainToInstance(Form, { name: 'Höst\u0000', ids: ['1', '2\u200b'], comment: 'Bra\nchef' }),
    );
    expect(errors.map((e) => [e.property, e.constraints?.isSafeText])).toEqual([
      ['name', 'name contains a control character (U+0000) at character 5; remove it'],
      ['ids', 'ids[1] contains an invisible character (U+200B) at character 2; remove it'],
    ]);
  });
});
