import * as legacy from "./b";
import { A } from "./new";

export const both = [legacy.keep(" y "), new A()];
