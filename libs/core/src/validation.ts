import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from './domain-error';

/** Flattens class-validator's nested errors into one entry per field path and constraint. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      result.push({ field, message });
    }
    if (error.children?.length) {
      result.push(...flattenValidationErrors(error.children, field));
    }
  }
  return result;
}

/** Whitelisting, unknown fields refused, and a 422 listing every field that is wrong. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new DomainError('invalid', 'Some fields are invalid.', flattenValidationErrors(errors)),
  });
}
