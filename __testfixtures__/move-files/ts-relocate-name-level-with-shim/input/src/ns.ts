import * as legacy from "./old";

console.log(legacy.keep(" y "), new legacy.A());
