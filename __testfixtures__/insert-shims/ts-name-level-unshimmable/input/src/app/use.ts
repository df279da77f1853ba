import { BLACK, WHITE } from '../legacy/palette';

export const colors = [BLACK, WHITE];
