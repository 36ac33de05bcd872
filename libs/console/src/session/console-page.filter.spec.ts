import { DomainError } from '@ledarspegel/core';
import { expectedError } from './console-page.filter';

describe('expected errors', () => {
  it('hands back a domain error of an expected code', () => {
    const error = new DomainError('invalid', 'bad');
    expect(expectedError(error, 'conflict', 'invalid')).toBe(error);
  });

  it('throws on any other, to the filter', () => {
    const notFound = new DomainError('not_found', 'gone');
    expect(() => expectedError(notFound, 'invalid')).toThrow(notFound);
    const bug = new TypeError('x is undefined');
    expect(() => expectedError(bug, 'invalid')).toThrow(bug);
  });
});
