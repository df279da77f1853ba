import { DataTypes } from 'sequelize';
import { sequelize } from '../db/connection';

/** The first blog model; posts now live in src/db/post.ts. */
export const Article = sequelize.define(
  'Article',
  { title: DataTypes.STRING, body: DataTypes.TEXT },
  { tableName: 'blog_posts' },
);
