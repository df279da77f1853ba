export default function adjustChannel(value: number): number {
  return value + 1;
}
