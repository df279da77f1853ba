// remodel: deprecation shim: A moved out of this module (generated: re-running remodel regenerates it)
import { A } from '../new';

export {
  /** @deprecated Use `A` from src/new. */
  A,
};

export function keep(text: string): string {
  return text.trim();
}
