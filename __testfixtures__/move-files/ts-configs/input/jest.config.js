module.exports = {
  roots: ['<rootDir>/src/legacy', '<rootDir>/src/app'],
  moduleNameMapper: { '^@legacy/(.*)$': '<rootDir>/src/legacy/$1' },
};
