export const isString = (x: unknown): boolean => typeof x === "string";
