import { Post } from './db/post';
import { Article } from './legacy/article';

export async function counts() {
  return { posts: await Post.count(), articles: await Article.count() };
}
