export default function adjustChannel(x: number): number {
  return x + 1;
}

export function twice(x: number): number {
  return adjustChannel(adjustChannel(x));
}
