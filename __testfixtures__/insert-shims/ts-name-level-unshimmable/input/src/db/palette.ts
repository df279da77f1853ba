export const BLACK = '#000';
