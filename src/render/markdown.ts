/** Text for a Markdown table cell or list item: pipes escaped, one line. */
export const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/** A path or `file:line` as inline code (a backtick inside gets a longer fence). */
export const code = (text: string): string => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);
