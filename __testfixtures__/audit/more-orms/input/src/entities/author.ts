import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'authors' })
export class Author {
  @PrimaryKey() id!: number;
  @Property() name!: string;
}

@Entity()
export class BookTag {
  @PrimaryKey() id!: number;
}
