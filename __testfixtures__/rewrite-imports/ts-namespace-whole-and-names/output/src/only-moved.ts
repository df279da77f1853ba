import { A } from "./new";

export const made: A = new A();
