import { A } from "./new";
import { keep } from "./DEPRECATED/old";

console.log(new A(), keep(" x "));
