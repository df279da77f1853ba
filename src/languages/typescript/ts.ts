/**
 * The one TypeScript this adapter uses: the `typescript` package itself (a runtime dependency). Loading it directly,
 * not through ts-morph, costs less per worker and keeps the transform loadable under jscodeshift's Babel hook
 * (which cannot compile ts-morph's static class blocks).
 */
import * as ts from 'typescript';

export { ts };
