export * from "./textElement";
export const other = 1;
