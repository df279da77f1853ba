// The few jest globals the example's test uses, declared here so the example needs no @types/jest.
declare const jest: {
  mock(moduleName: string, factory?: () => unknown): void;
  requireActual<T = unknown>(moduleName: string): T;
};
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function expect(value: unknown): {
  toBe(expected: unknown): void;
  toBeInstanceOf(expected: Function): void;
};
