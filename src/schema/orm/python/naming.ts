
/**
 * The Django app label of a models file: the folder holding `models.py`, or the folder holding the
 * `models/` package. Other files fall back to their own folder (the AppConfig is not read).
 */
export function djangoAppLabel(file: string): string {
  const parts = file.split('/');
  parts.pop();
  const modelsIndex = parts.lastIndexOf('models');
  if (modelsIndex > 0) return parts[modelsIndex - 1]!;
  return parts[parts.length - 1] ?? '';
}

/** Flask-SQLAlchemy's `camel_to_snake_case`: `CustomerReview` -> `customer_review`, `APIKey` -> `api_key`. */
export function flaskTableName(name: string): string {
  return name
    .replace(/((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))/g, '_$1')
    .toLowerCase()
    .replace(/^_+/, '');
}
