
// ---------------------------------------------------------------------------------------------
// naming rules

/** TypeORM's DefaultNamingStrategy.tableName: the class name in snake_case (`UserProfile` -> `user_profile`, `APIKey` -> `api_key`). */
export function typeormTableName(className: string): string {
  return className
    .replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** Sequelize's default table name: the pluralised model name (case kept), snake_cased first when `underscored`. Approximate: English rules only. */
export function sequelizeTableName(modelName: string, underscored = false): string {
  const plural = pluralize(modelName);
  return underscored ? plural.replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase() : plural;
}

/** Mongoose's default collection name: the lowercased, pluralised model name. Approximate: common English rules only. */
export function mongooseCollectionName(modelName: string): string {
  const lower = modelName.toLowerCase();
  return /s$/.test(lower) && !/(ss|us)$/.test(lower) ? lower : pluralize(lower);
}

const uncountable = new Set(['data', 'equipment', 'information', 'rice', 'money', 'species', 'series', 'fish', 'sheep', 'deer', 'news', 'metadata', 'media', 'feedback', 'staff']);
const irregular: Record<string, string> = { person: 'people', man: 'men', woman: 'women', child: 'children', mouse: 'mice', goose: 'geese', tooth: 'teeth', foot: 'feet', ox: 'oxen' };

/** English pluralisation as ORMs approximate it: `Category` -> `Categories`, `Box` -> `Boxes`, `Person` -> `People`. */
export function pluralize(word: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(word);
  if (!match) return word;
  const [, head, tail] = match as unknown as [string, string, string];
  // last camel-case word: `UserCategory` -> `Category`
  const lastWord = /([A-Z]?[a-z]+|[A-Z]+)$/.exec(tail)?.[0] ?? tail;
  const prefix = head + tail.slice(0, tail.length - lastWord.length);
  const lower = lastWord.toLowerCase();
  const keepCase = (plural: string): string =>
    lastWord === lastWord.toUpperCase() && lastWord.length > 1 ? plural.toUpperCase() : lastWord[0] === lastWord[0]!.toUpperCase() ? plural[0]!.toUpperCase() + plural.slice(1) : plural;
  if (uncountable.has(lower)) return word;
  if (irregular[lower]) return prefix + keepCase(irregular[lower]);
  let plural: string;
  if (/(s|x|z|ch|sh)$/.test(lower)) plural = `${lower}es`;
  else if (/[^aeiou]y$/.test(lower)) plural = `${lower.slice(0, -1)}ies`;
  else if (/(?:[^f]fe|[lr]f)$/.test(lower)) plural = lower.replace(/fe?$/, 'ves');
  else plural = `${lower}s`;
  return prefix + keepCase(plural);
}
