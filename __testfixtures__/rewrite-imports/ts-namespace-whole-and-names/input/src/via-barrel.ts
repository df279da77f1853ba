import { legacy } from "./barrel";

export const viaBarrel = [legacy.keep(" y "), new legacy.A()];
