import { escape, extension, fingerprint, hyphenate } from '../legacy/format';

export const page = [escape('<b>'), hyphenate('fooBar'), fingerprint('a.txt'), extension('a.txt')].join(' ');
