import { A, keep } from "./old";

console.log(new A(), keep(" x "));
