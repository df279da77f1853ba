import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Buffer } from 'node:buffer';

// adapted from React's escaping (only escape uses these)
const ESCAPE_LOOKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ESCAPE_REGEX = new RegExp(`[${Object.keys(ESCAPE_LOOKUP).join('')}]`, 'g');

const uppercase = /([A-Z])/g;

function digestOf(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Escapes text for HTML. */
export const escape = (text: unknown): string => String(text).replace(ESCAPE_REGEX, (match) => ESCAPE_LOOKUP[match]!);

export const hyphenate = (text: string): string => text.replace(uppercase, '-$1').toLowerCase();

export function fingerprint(file: string): string {
  return `${basename(file)}:${digestOf(file)}`;
}

export function extension(file: string): string {
  return extname(file);
}
