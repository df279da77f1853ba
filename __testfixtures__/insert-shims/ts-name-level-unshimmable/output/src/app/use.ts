import { WHITE } from '../legacy/palette';
import { BLACK } from '../db/palette';

export const colors = [BLACK, WHITE];
