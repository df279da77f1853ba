type Rgb = { r: number; g: number; b: number };

type Rgba = Rgb & { a: number };

export const WHITE: Rgb = { r: 255, g: 255, b: 255 };

export type { Rgb, Rgba };
