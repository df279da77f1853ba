
/**
 * The folder of the Django app a models file belongs to: the folder holding `models.py`, or the one holding the
 * `models/` package (a top-level `models/` folder is its own app). Other files: their own folder (the AppConfig is
 * not read here).
 */
export function djangoAppFolder(file: string): string {
  const parts = file.split('/');
  parts.pop();
  const modelsIndex = parts.lastIndexOf('models');
  return (modelsIndex > 0 ? parts.slice(0, modelsIndex) : parts).join('/');
}

/** The Django app label of a models file: its app folder's name (see djangoAppFolder). */
export function djangoAppLabel(file: string): string {
  const folder = djangoAppFolder(file);
  return folder.slice(folder.lastIndexOf('/') + 1);
}

/** Flask-SQLAlchemy's `camel_to_snake_case`: `CustomerReview` -> `customer_review`, `APIKey` -> `api_key`. */
export function flaskTableName(name: string): string {
  return name
    .replace(/((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))/g, '_$1')
    .toLowerCase()
    .replace(/^_+/, '');
}
