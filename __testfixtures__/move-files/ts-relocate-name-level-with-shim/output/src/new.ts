export class A { name = "a"; }
