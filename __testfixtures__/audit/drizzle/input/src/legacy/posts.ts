import { pgTable, serial, text } from 'drizzle-orm/pg-core';

export const legacyPosts = pgTable('posts', {
  id: serial('id').primaryKey(),
  title: text('title'),
});
