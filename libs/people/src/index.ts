export * from './email-address';
export * from './people-csv';
export * from './people-import';
export * from './people.module';
export * from './people.repository';
export * from './people.service';
export * from './person.dto';
export * from './person.entity';
