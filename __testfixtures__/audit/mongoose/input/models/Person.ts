import { Schema, model } from 'mongoose';

const PersonSchema = new Schema({ name: String, owner: { type: Schema.Types.ObjectId, ref: 'User' } }, { collection: 'contacts' });

export const Person = model('Person', PersonSchema);

const CategorySchema = new Schema({ label: String });
export const Category = model('Category', CategorySchema);
