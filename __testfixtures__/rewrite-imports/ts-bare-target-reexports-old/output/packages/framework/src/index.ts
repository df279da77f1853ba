export function defineThing(x: string): string {
  return x;
}
