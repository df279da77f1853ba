export default function adjustChannel(x: number): number {
  return x + 1;
}
