export function keep(text: string): string {
  return text.trim();
}
