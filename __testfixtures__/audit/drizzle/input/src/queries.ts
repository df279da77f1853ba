import { eq } from 'drizzle-orm';
import { posts, users } from './db/schema';
import { legacyPosts } from './legacy/posts';

export const byAuthor = (id: number) => eq(posts.authorId, id);
export const tables = { users, legacyPosts };
