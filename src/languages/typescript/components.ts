/**
 * Single-file components (Vue `.vue`, Svelte `.svelte`): the TypeScript adapter reads and rewrites their `<script>`
 * blocks (`<script setup lang="ts">`, `<script context="module">`), with positions mapped back into the file.
 */
const COMPONENT = /\.(vue|svelte)$/;

export const isComponentFile = (file: string): boolean => COMPONENT.test(file);

/** One `<script>` block's content: its offsets in the file, its language, and the 1-based line it starts on. */
export interface ScriptBlock {
  start: number;
  end: number;
  lang: 'ts' | 'js';
  line: number;
}

/** The inline `<script>` blocks of a component (a `<script src=...>` has none to read). */
export function scriptBlocks(text: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  const open = /<script\b([^>]*)>/gi;
  for (let match = open.exec(text); match; match = open.exec(text)) {
    const start = match.index + match[0].length;
    const close = text.toLowerCase().indexOf('</script', start);
    if (close === -1) break;
    const attributes = match[1] ?? '';
    open.lastIndex = close;
    if (/\bsrc\s*=/.test(attributes)) continue;
    const lang = /\blang\s*=\s*["']?(ts|typescript|tsx)\b/i.test(attributes) ? 'ts' : 'js';
    blocks.push({ start, end: close, lang, line: text.slice(0, start).split('\n').length });
  }
  return blocks;
}

/** The name a block is parsed under: the component's path with the block's language (`App.vue.ts`). */
export const blockFileName = (file: string, block: ScriptBlock): string => `${file}.${block.lang}`;
