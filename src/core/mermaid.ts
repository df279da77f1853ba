/*
 * Mermaid `erDiagram` text (GitHub renders it in markdown): entities by id with a label, a few attributes, and the
 * links between them. Labels and comments are quoted strings, so what a repository names never becomes syntax.
 */

export interface ErEntity {
  id: string;
  label: string;
  attributes: Array<{ type: string; name: string; key?: 'PK' | 'FK'; comment?: string }>;
}

export interface ErLink {
  from: string;
  to: string;
  /** `many-to-one`: a foreign key (crow's foot on `from`); `same`: one row each, dashed (the same table mapped twice) */
  kind: 'many-to-one' | 'same' | 'association';
  label: string;
}

const CARDINALITY: Record<ErLink['kind'], string> = { 'many-to-one': '}o--||', same: '||..||', association: '}o..o{' };

/** Text inside a Mermaid quoted string: no quote can end it, no line break can split it, no `%%` can start a comment. */
export function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/%/g, '#37;').replace(/[\r\n]+/g, ' ');
}

/** An attribute's name: Mermaid takes word characters (and `-`) only there; a type may also hold `(10,2)`. */
const word = (text: string, more = ''): string => text.replace(new RegExp(`[^A-Za-z0-9_\\-${more}]`, 'g'), '_').replace(/^(?=[^A-Za-z_])/, '_') || '_';

/** The lines of a fenced `mermaid` block holding one `erDiagram`. */
export function erDiagram(entities: readonly ErEntity[], links: readonly ErLink[]): string[] {
  const out = ['```mermaid', 'erDiagram'];
  for (const entity of entities) {
    out.push(`  ${entity.id}["${mermaidText(entity.label)}"] {`);
    for (const attribute of entity.attributes) out.push(`    ${word(attribute.type, '(),')} ${word(attribute.name)}${attribute.key ? ` ${attribute.key}` : ''}${attribute.comment ? ` "${mermaidText(attribute.comment)}"` : ''}`);
    out.push('  }');
  }
  for (const link of links) out.push(`  ${link.from} ${CARDINALITY[link.kind]} ${link.to} : "${mermaidText(link.label)}"`);
  out.push('```');
  return out;
}
