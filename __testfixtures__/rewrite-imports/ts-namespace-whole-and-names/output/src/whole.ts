import * as legacy from "./old";

export const names = Object.keys(legacy);
export const made = new legacy.A();
