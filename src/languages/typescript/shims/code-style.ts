/** How a module writes the code a shim adds to it or replaces it with: the quote of its strings, and whether its statements end in `;`. */
export interface CodeStyle {
  quote: "'" | '"';
  semicolons: boolean;
}

/** An import or export naming a module (`… from 'x'`, `} from "x";`, `import 'x'`), its quote and its end. */
const moduleStatement = /^[ \t]*(?:(?:import|export)\b[^\n]*?\bfrom|\}[ \t]*from|import)[ \t]*(['"])[^'"\n]*\1[ \t]*(;?)/gm;
const requireCall = /\brequire\(\s*(['"])/g;

/**
 * The module's own style, as its import and export declarations (else its `require` calls) show it: the quote most of
 * them use (`'` on a tie or when there are none), and no `;` only when some end without one and none with one (a
 * formatter's `semi: false`).
 */
export function codeStyleOf(text: string): CodeStyle {
  let single = 0;
  let double = 0;
  let terminated = 0;
  let bare = 0;
  for (const [, quote, semicolon] of text.matchAll(moduleStatement)) {
    if (quote === "'") single++;
    else double++;
    if (semicolon) terminated++;
    else bare++;
  }
  if (!single && !double) {
    for (const [, quote] of text.matchAll(requireCall)) {
      if (quote === "'") single++;
      else double++;
    }
  }
  return { quote: double > single ? '"' : "'", semicolons: terminated > 0 || bare === 0 };
}

/** A statement as the module ends its statements. */
export function statement(style: CodeStyle, code: string): string {
  return style.semicolons ? `${code};` : code;
}
