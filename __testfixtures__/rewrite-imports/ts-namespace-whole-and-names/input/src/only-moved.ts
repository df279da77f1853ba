import * as legacy from "./old";

export const made: legacy.A = new legacy.A();
