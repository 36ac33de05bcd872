import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ledarspegel:public';

/** Marks a route that needs no HR sign-in (login, health, survey pages). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
