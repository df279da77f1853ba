import * as legacy from "./old";

export const both = [legacy.keep(" y "), new legacy.A()];
