export class Model {}
