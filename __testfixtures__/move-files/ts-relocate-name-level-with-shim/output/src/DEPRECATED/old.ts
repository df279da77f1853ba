export class A { name = "a"; }

export function keep(text: string): string {
  return text.trim();
}
