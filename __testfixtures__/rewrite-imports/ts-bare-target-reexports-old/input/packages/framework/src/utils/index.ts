// the canonical module serves the old package's names: its own re-export must stay
export * from '@acme/utils';
