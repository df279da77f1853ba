import { WHITE, type Rgba } from '../legacy/colors';

export const transparent: Rgba = { ...WHITE, a: 0 };
