module.exports = {
  roots: ['<rootDir>/src/archive', '<rootDir>/src/app'],
  moduleNameMapper: { '^@legacy/(.*)$': '<rootDir>/src/archive/$1' },
};
