import { NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { mapError } from './error-body';

describe('mapError', () => {
  it('maps domain codes to statuses with details and headers', () => {
    const mapped = mapError(
      new DomainError('invalid', 'Bad file', [{ row: 2, field: 'email' }], { 'x-a': '1' }),
    );
    expect(mapped.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'Bad file',
      details: [{ row: 2, field: 'email' }],
    });
    expect(mapped.headers).toEqual({ 'x-a': '1' });
    expect(mapped.unexpected).toBe(false);
    expect(mapError(new DomainError('conflict', 'Wrong state')).body.statusCode).toBe(409);
  });

  it("keeps Nest's and Fastify's client errors as they are", () => {
    expect(mapError(new NotFoundException('Cannot GET /x')).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /x',
    });
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(mapError(tooLarge).body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('hides the details of an unexpected error', () => {
    const mapped = mapError(new Error('SQLITE_CORRUPT: database disk image is malformed'));
    expect(mapped.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side.',
    });
    expect(mapped.unexpected).toBe(true);
  });
});
