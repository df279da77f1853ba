import { DataTypes } from 'sequelize';
import { sequelize } from './connection';

export const Post = sequelize.define(
  'Post',
  {
    title: { type: DataTypes.STRING, allowNull: false },
    body: DataTypes.TEXT,
    authorId: { type: DataTypes.INTEGER, references: { model: 'authors', key: 'id' } },
  },
  { tableName: 'blog_posts', underscored: true },
);

export const Category = sequelize.define('Category', { name: DataTypes.STRING });
