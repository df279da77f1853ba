const OWNED = /\.(d\.[mc]?ts|[mc]?tsx?|[mc]?jsx?|vue|svelte)$/;

/** True for the files the TypeScript adapter reads (`.ts .tsx .mts .cts .js .jsx .mjs .cjs`, `.d.ts`, and the `<script>` blocks of `.vue` and `.svelte` components). */
export const ownsTypeScriptPath = (file: string): boolean => OWNED.test(file);
