import { extname } from 'node:path';
// remodel: deprecation shim: escape, hyphenate, fingerprint moved out of this module (generated: re-running remodel regenerates it)
import { escapeHtml as escape, hyphenate, fingerprint } from '../text/escaping';

export {
  /** @deprecated Use `escapeHtml` from src/text/escaping (renamed from escape). */
  escape,
};

export {
  /** @deprecated Use `hyphenate` from src/text/escaping. */
  hyphenate,
};

export {
  /** @deprecated Use `fingerprint` from src/text/escaping. */
  fingerprint,
};

export function extension(file: string): string {
  return extname(file);
}
