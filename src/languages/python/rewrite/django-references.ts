import type { DjangoModelReferences } from '../django-apps';
import { plainStringContent, type Node } from '../syntax';
import type { PythonFileRewrite } from './file-rewrite';

/** The model fields whose first argument (or `to=`) names a model, and `through=` of a many-to-many field. */
const relationField = /(?:^|\.)(?:ForeignKey|OneToOneField|ManyToManyField|ForeignObject|ParentalKey|ParentalManyToManyField)$/;
const relationText = /\b(?:ForeignKey|OneToOneField|ManyToManyField|ForeignObject|ParentalKey|ParentalManyToManyField|get_model)\s*\(|\bAUTH_USER_MODEL\s*=/;
/** A migration describes the models as they were: its references are history, never rewritten. */
const migrationFile = /(^|\/)migrations\//;

/**
 * Whether a file can hold a lazy model reference the map changes (the prefilter: no parse): a relation field,
 * `get_model` or `AUTH_USER_MODEL`, and either a quoted `<old app label>.<Name>` or, in a file of an old app, any
 * (a bare model name means a model of the file's own app).
 */
export function mayNameDjangoModel(path: string, text: string, references: DjangoModelReferences): boolean {
  if (!references.oldLabels.size || migrationFile.test(path) || !relationText.test(text)) return false;
  if (references.oldFolders.some((folder) => path.startsWith(`${folder}/`))) return true;
  for (const label of references.oldLabels) if (text.includes(`"${label}.`) || text.includes(`'${label}.`) || text.includes(`"${label}"`) || text.includes(`'${label}'`)) return true;
  return false;
}

/**
 * `ForeignKey("legacy.Booking")`, `ManyToManyField("Booking", through="legacy.Stay")`, `apps.get_model("legacy",
 * "Booking")`, `AUTH_USER_MODEL = "legacy.User"`: Django finds these models by app label and name, wherever they are
 * defined. A model the map moves to another app's module (or renames) is registered there under its new name, so each
 * reference follows it (a bare name written in its app's files gets the new app's label when the app changes).
 * Migrations are left as they are: they describe the models as they were.
 */
export function rewriteDjangoModelReferences(rw: PythonFileRewrite, root: Node): void {
  const references = rw.ctx.djangoModels;
  if (!mayNameDjangoModel(rw.file.path, rw.file.text, references)) return;
  const ownLabel = references.labelOfFile(rw.file.path);
  for (const call of root.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function')?.text;
    if (!call || !callee) continue;
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => a !== null);
    if (relationField.test(callee)) {
      for (const [position, argument] of args.entries()) {
        const keyword = argument.type === 'keyword_argument' ? argument.childForFieldName('name')?.text : undefined;
        const value = keyword === undefined ? argument : argument.childForFieldName('value');
        if (value && (keyword === undefined ? position === 0 : keyword === 'to' || keyword === 'through')) followReference(rw, callee, value, ownLabel);
      }
    } else if (/(?:^|\.)get_model$/.test(callee) && !migrationFile.test(rw.file.path)) {
      if (args.length === 1) followReference(rw, callee, args[0]!, undefined);
      else if (args.length >= 2) followSplitReference(rw, callee, args[0]!, args[1]!);
    }
  }
  for (const assignment of root.descendantsOfType('assignment')) {
    if (assignment?.childForFieldName('left')?.text !== 'AUTH_USER_MODEL') continue;
    const value = assignment.childForFieldName('right');
    if (value) followReference(rw, 'AUTH_USER_MODEL', value, undefined);
  }
}

/** `"label.Model"`, or a bare `"Model"` meaning one of `ownLabel`'s models. */
function followReference(rw: PythonFileRewrite, where: string, value: Node, ownLabel: string | undefined): void {
  const content = plainStringContent(value);
  const match = content ? /^(?:(\w+)\.)?(\w+)$/.exec(content.text) : null;
  if (!content || !match || (match[1] === undefined && (ownLabel === undefined || match[2] === 'self'))) return;
  const label = match[1] ?? ownLabel!;
  const after = rw.ctx.djangoModels.after(label, match[2]!);
  if (after === undefined) return;
  if (typeof after === 'string') {
    rw.out.review(value, `'${content.text}' in ${where} names a Django model by app label: ${after}; rewrite by hand`);
    return;
  }
  const name = sameCase(match[2]!, after.name);
  const text = match[1] === undefined && after.label === ownLabel ? name : `${after.label}.${name}`;
  if (text === content.text) return;
  rw.out.edit(content.node.startIndex, content.node.endIndex, text);
  rw.out.count(after.rule, 'strings');
}

/** `get_model("label", "Model")`: both strings follow. */
function followSplitReference(rw: PythonFileRewrite, where: string, labelArg: Node, modelArg: Node): void {
  const label = plainStringContent(labelArg);
  const model = plainStringContent(modelArg);
  if (!label || !model || !/^\w+$/.test(label.text) || !/^\w+$/.test(model.text)) return;
  const after = rw.ctx.djangoModels.after(label.text, model.text);
  if (after === undefined) return;
  if (typeof after === 'string') {
    rw.out.review(labelArg, `'${label.text}', '${model.text}' in ${where} name a Django model by app label: ${after}; rewrite by hand`);
    return;
  }
  if (after.label !== label.text) rw.out.edit(label.node.startIndex, label.node.endIndex, after.label);
  const name = sameCase(model.text, after.name);
  if (name !== model.text) rw.out.edit(model.node.startIndex, model.node.endIndex, name);
  rw.out.count(after.rule, 'strings');
}

/** The new model name written as the old one was: as its class is spelled, or all lower case (`"shop.order"`). */
function sameCase(written: string, name: string): string {
  return written === written.toLowerCase() && written !== written.toUpperCase() ? name.toLowerCase() : name;
}
