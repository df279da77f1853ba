import { WHITE } from '../legacy/colors';
import { type Rgba } from '../db/colors';

export const transparent: Rgba = { ...WHITE, a: 0 };
