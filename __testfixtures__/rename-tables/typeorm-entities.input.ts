import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './role';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn() id!: number;

  @ManyToMany(() => Role)
  @JoinTable({ name: 'users_roles' })
  roles!: Role[];
}

@Entity({ name: 'orders', schema: 'public' })
export class Order {
  @PrimaryGeneratedColumn() id!: number;
}

@Entity({ name: 'social_accounts', schema: 'identity' })
export class OAuthAccount {
  @PrimaryGeneratedColumn() id!: number;
}

// the default schema's social_accounts is another table: it keeps its name
@Entity('social_accounts')
export class BusinessAccount {
  @PrimaryGeneratedColumn() id!: number;
}

// TypeORM derives `user_profile` from the class name: the new name is written down
@Entity()
export class UserProfile {
  @Column() bio!: string;
}

export const activeUsers = `SELECT id FROM users WHERE active`;
export const label = 'users';
