import { Entity, PrimaryKey } from '@mikro-orm/postgresql';

@Entity({ tableName: 'authors' })
export class LegacyAuthor {
  @PrimaryKey() id!: number;
}

@Entity()
export class BookTag {
  @PrimaryKey() id!: number;
}
