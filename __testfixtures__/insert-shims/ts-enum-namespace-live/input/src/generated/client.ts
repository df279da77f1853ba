// generated code remodel does not rewrite (git-ignored): it keeps importing the old path, through the shim
import { bump, counter, Geo, Status } from '../legacy/status';

export const open: Status.Open = Status.Open;
export const here: Geo.Point = Geo.origin;

export function twice(): number {
  bump();
  bump();
  return counter;
}
