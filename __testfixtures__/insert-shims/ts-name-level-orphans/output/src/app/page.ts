import { extension } from '../legacy/format';
import { escapeHtml, fingerprint, hyphenate } from '../text/escaping';

export const page = [escapeHtml('<b>'), hyphenate('fooBar'), fingerprint('a.txt'), extension('a.txt')].join(' ');
