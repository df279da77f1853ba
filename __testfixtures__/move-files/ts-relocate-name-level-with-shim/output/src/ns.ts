import * as legacy from "./DEPRECATED/old";
import { A } from "./new";

console.log(legacy.keep(" y "), new A());
