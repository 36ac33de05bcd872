import { AdminUser } from '@ledarspegel/auth';
import { Person } from '@ledarspegel/people';

/** Every entity of the schema: the migrations must describe exactly these (schema.e2e-spec). */
export const ENTITIES = [AdminUser, Person];
