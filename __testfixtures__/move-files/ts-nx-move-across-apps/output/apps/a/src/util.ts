export const slug = (text: string): string => text.toLowerCase().replace(/\s+/g, '-');
