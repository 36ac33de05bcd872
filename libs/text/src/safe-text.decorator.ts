import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { describeUnsafeCharacter, findUnsafeCharacter, SafeTextOptions } from './safe-text';

/**
 * class-validator's face of the one text rule (safe-text.ts): a string field with a control or
 * invisible formatting character is refused with the character and its position. Values that
 * are not strings are left to `@IsString()`.
 */
export function IsSafeText(
  textOptions: SafeTextOptions = {},
  validationOptions: ValidationOptions = {},
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isSafeText',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || findUnsafeCharacter(value, textOptions) === null,
        defaultMessage: (args?: ValidationArguments) => {
          const property = args?.property ?? String(propertyName);
          const values: unknown[] = Array.isArray(args?.value) ? args.value : [args?.value];
          for (const [index, value] of values.entries()) {
            const found =
              typeof value === 'string' ? findUnsafeCharacter(value, textOptions) : null;
            if (found) {
              const name = Array.isArray(args?.value) ? `${property}[${index}]` : property;
              return `${name} ${describeUnsafeCharacter(found)}`;
            }
          }
          return `${property} contains a character that is not allowed`;
        },
      },
    });
  };
}
