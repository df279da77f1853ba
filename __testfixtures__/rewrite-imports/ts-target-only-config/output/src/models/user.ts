export class User {}
