import { UsageError } from '../../core/errors';

type Value = string | null | readonly string[];

const pythonRepr = (value: Value, quote: string): string => {
  if (value === null) return 'None';
  const one = (text: string): string => `${quote}${text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
  if (typeof value === 'string') return one(value);
  return value.length === 1 ? `(${one(value[0]!)},)` : `(${value.map(one).join(', ')})`;
};

/** Alembic's `comma` filter (util.format_as_comma). */
const comma = (value: Value): string => (value === null ? '' : typeof value === 'string' ? value : value.join(', '));

/** Python truthiness of a template value. */
const truthy = (value: Value): boolean => (value === null ? false : value.length > 0);

const literal = (text: string): string | undefined => /^(['"])(.*)\1$/.exec(text.trim())?.[2];

/**
 * Renders the subset of Mako that Alembic's `script.py.mako` templates use (`quote`: the quote `repr` writes, `'` as
 * Python's, `"` where the project formats its revisions with black): `${name}`, `${repr(name)}`,
 * `${name | comma,n}`, `${name if name else "text"}`, `## comments`, `<%doc>` blocks and `\` line joins. Anything else
 * is a one-line error naming the template and line: remodel never guesses what a template means.
 */
export function renderMako(template: string, file: string, quote: string, context: Record<string, Value>): string {
  const lookup = (name: string, line: number): Value => {
    if (!(name in context)) throw new UsageError(`${file}:${line}: \${${name}}: remodel does not know this template variable`);
    return context[name]!;
  };
  const evaluate = (expression: string, line: number): string => {
    const [body, filters] = expression.split('|').map((part) => part.trim()) as [string, string | undefined];
    let value: string;
    let match: RegExpExecArray | null;
    if ((match = /^repr\((\w+)\)$/.exec(body))) value = pythonRepr(lookup(match[1]!, line), quote);
    else if ((match = /^(\w+) if (\w+) else (.+)$/.exec(body)) && match[1] === match[2] && literal(match[3]!) !== undefined) {
      const current = lookup(match[1]!, line);
      value = truthy(current) ? comma(current) : literal(match[3]!)!;
    } else if (/^\w+$/.test(body)) value = comma(lookup(body, line));
    else throw new UsageError(`${file}:${line}: \${${expression}}: remodel cannot render this template expression`);
    for (const filter of (filters ?? '').split(',').map((f) => f.trim()).filter(Boolean)) {
      if (filter !== 'comma' && filter !== 'n' && filter !== 'h' && filter !== 'str') throw new UsageError(`${file}:${line}: \${${expression}}: unknown filter '${filter}'`);
    }
    return value;
  };
  const withoutDocs = template.replace(/<%doc>[\s\S]*?<\/%doc>\n?/g, '');
  if (/<%(?!doc)|%>/.test(withoutDocs)) {
    const line = withoutDocs.slice(0, withoutDocs.search(/<%|%>/)).split('\n').length;
    throw new UsageError(`${file}:${line}: a Mako block (<% ... %>): remodel cannot render this template`);
  }
  const lines = withoutDocs.split('\n');
  const out: string[] = [];
  for (const [index, raw] of lines.entries()) {
    if (/^\s*##/.test(raw)) continue;
    if (/^\s*%\s*(if|for|endif|endfor|else|elif)\b/.test(raw)) throw new UsageError(`${file}:${index + 1}: a Mako control line: remodel cannot render this template`);
    const rendered = raw.replace(/\$\{([^}]*)\}/g, (_whole, expression: string) => evaluate(expression, index + 1));
    out.push(rendered);
  }
  // a line ending in a backslash joins the next one (Mako's line continuation)
  return out.join('\n').replace(/\\\n/g, '');
}
