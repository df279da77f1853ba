// remodel: deprecation shim: default moved out of this module (generated: re-running remodel regenerates it)
import adjustChannel from '../db/adjust';

export {
  /** @deprecated Use the default export of src/db/adjust. */
  adjustChannel as default,
};

export function twice(x: number): number {
  return adjustChannel(adjustChannel(x));
}
