export type Rgba = { r: number; g: number; b: number; a: number };
