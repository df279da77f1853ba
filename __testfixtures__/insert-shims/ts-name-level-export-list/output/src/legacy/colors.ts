// remodel: deprecation shim: Rgba moved out of this module (generated: re-running remodel regenerates it)
import { type Rgba } from '../db/colors';

type Rgb = { r: number; g: number; b: number };

export {
  /** @deprecated Use `import { Rgba } from '@/db/colors'`. */
  type Rgba,
};

export const WHITE: Rgb = { r: 255, g: 255, b: 255 };

export type { Rgb };
