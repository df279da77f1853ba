import { A, keep } from "./star";

export const viaStar = [keep(" y "), new A()];
