/**
 * The one TypeScript this adapter uses: the compiler that ts-morph ships (a runtime dependency),
 * never the project's own devDependency.
 */
export { ts } from 'ts-morph';
