const LOOKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export const escapeHtml = (text: unknown): string => String(text).replace(/[&<>]/g, (match) => LOOKUP[match]!);

export const hyphenate = (text: string): string => text.replace(/([A-Z])/g, '-$1').toLowerCase();

export function fingerprint(file: string): string {
  return file;
}
