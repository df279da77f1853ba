declare module 'src/models/user' {
  export const legacyFlag: boolean;
}
