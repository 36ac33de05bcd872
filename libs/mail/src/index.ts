export * from './eml-reader';
export * from './mail-transport';
export * from './mail.module';
export * from './message-headers';
export * from './outbox-dispatcher';
export * from './outbox-message.entity';
export * from './outbox.repository';
export * from './retry-policy';
