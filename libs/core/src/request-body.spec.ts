import { RouteConfig } from '@nestjs/platform-fastify';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import {
  AcceptsBody,
  holdsUnstorableCharacter,
  jsonNestingExceeds,
  MAX_JSON_DEPTH,
  mediaTypeOf,
  parseJsonBody,
} from './request-body';
import { DomainError } from './domain-error';

const nested = (depth: number, inner = '"x"') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

const refusal = (text: string) => {
  try {
    parseJsonBody(text);
  } catch (error) {
    return error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
  }
  return 'accepted';
};

describe('jsonNestingExceeds', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonNestingExceeds(nested(3), 3)).toBe(false);
    expect(jsonNestingExceeds(nested(4), 3)).toBe(true);
    expect(jsonNestingExceeds('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(jsonNestingExceeds('{"a":{"b":[{}]}}', 3)).toBe(true);
    expect(jsonNestingExceeds(`{"a":"${'['.repeat(100)}"}`, 1)).toBe(false);
    expect(jsonNestingExceeds(`{"a":"\\"${'{'.repeat(100)}"}`, 1)).toBe(false);
  });

  it('stops at the first level too deep, without recursion, on 100,000 brackets', () => {
    expect(jsonNestingExceeds('['.repeat(100_000), MAX_JSON_DEPTH)).toBe(true);
  });
});

describe('parseJsonBody', () => {
  it('takes an object', () => {
    expect(parseJsonBody('{"name":"Höst","subjects":{"allManagers":true}}')).toEqual({
      name: 'Höst',
      subjects: { allManagers: true },
    });
    expect(parseJsonBody(`{"a":${nested(MAX_JSON_DEPTH - 1)}}`)).toBeDefined();
  });

  it('reads an empty body as none', () => {
    expect(parseJsonBody('')).toBeUndefined();
    expect(parseJsonBody(' \n')).toBeUndefined();
  });

  it.each([
    [
      'a name nested 20,000 arrays deep',
      `{"name":${nested(20_000)}}`,
      /bad_request: .*nested deeper than 32/,
    ],
    ['100,000 [', '['.repeat(100_000), /bad_request: .*nested deeper/],
    ['broken JSON', '{"name":', /bad_request: The request body is not valid JSON/],
    ['an array', '[1,2]', /bad_request: The JSON body must be an object/],
    ['null', 'null', /bad_request: The JSON body must be an object/],
    ['a string', '"x"', /bad_request: The JSON body must be an object/],
    ['__proto__', '{"__proto__":{"admin":true}}', /bad_request: .*__proto__/],
    ['an escaped __proto__', '{"a":[{"\\u005f_proto__":{}}]}', /bad_request: .*__proto__/],
    ['constructor', '{"constructor":{"prototype":{}}}', /bad_request: .*constructor/],
  ])('refuses %s with 400', (_name, text, expected) => {
    expect(refusal(text)).toMatch(expected);
  });
});

describe('mediaTypeOf', () => {
  it.each([
    ['application/json', 'application/json', null],
    ['Application/JSON; Charset="UTF-8"', 'application/json', 'utf-8'],
    ['text/csv;charset=latin1', 'text/csv', 'latin1'],
    [undefined, '', null],
  ])('reads %j', (header, type, charset) => {
    expect(mediaTypeOf(header)).toEqual({ type, charset });
  });
});

describe('AcceptsBody', () => {
  it("adds the body types to the route's Fastify config, keeping what is there", () => {
    class Controller {
      @AcceptsBody('text/csv')
      @RouteConfig({ upload: 'bearer' })
      upload(): void {}
    }
    const handler = Object.getOwnPropertyDescriptor(Controller.prototype, 'upload')
      ?.value as object;
    expect(Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler)).toEqual({
      upload: 'bearer',
      bodyTypes: ['text/csv'],
    });
  });
});

describe('holdsUnstorableCharacter', () => {
  it('finds a NUL in any key or value, however nested', () => {
    expect(holdsUnstorableCharacter({ a: ['x', { b: 'y' }] })).toBe(false);
    expect(holdsUnstorableCharacter({ a: ['x', { b: 'y\u0000' }] })).toBe(true);
    expect(holdsUnstorableCharacter({ 'k\u0000': 1 })).toBe(true);
    expect(holdsUnstorableCharacter('\u0000')).toBe(true);
    expect(holdsUnstorableCharacter(Buffer.from([0]))).toBe(false);
    // JSON's "\ud800": half of a pair, not text (fuzzing found a 500 with it on PostgreSQL)
    expect(holdsUnstorableCharacter({ email: '\ud800' })).toBe(true);
    expect(holdsUnstorableCharacter({ email: 'a\udc00b' })).toBe(true);
    expect(holdsUnstorableCharacter({ ['\ud83d']: 1 })).toBe(true);
    expect(holdsUnstorableCharacter({ name: 'Åsa 😀' })).toBe(false);
    expect(holdsUnstorableCharacter(undefined)).toBe(false);
  });
});
