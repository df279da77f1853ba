declare const LEGACY: string;
