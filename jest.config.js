// Jest resolves the same `@ledarspegel/*` aliases as TypeScript: derived from tsconfig `paths`.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const ESM_DEPENDENCIES = '(content-disposition|cookie|@fastify/cookie)';

const shared = {
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Type checking is `npm run typecheck`; tests only transpile, which keeps them fast.
  transform: {
    '^.+\\.ts$': ['ts-jest', {}],
    // ES-module-only dependencies, and one that loads one with import(): Node 20.19+ handles
    // them natively, Jest 29 without --experimental-vm-modules cannot, so they are transpiled.
    [`/node_modules/${ESM_DEPENDENCIES}/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_DEPENDENCIES}/)`],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
};

module.exports = {
  testTimeout: 30000,
  // One test file per core, not Jest's default of one less: the e2e files spend most of their
  // time waiting on Chromium, PostgreSQL and SMTP, and each has a database of its own. On two
  // cores this takes the PostgreSQL e2e run from about 7 to about 5 minutes.
  maxWorkers: '100%',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
