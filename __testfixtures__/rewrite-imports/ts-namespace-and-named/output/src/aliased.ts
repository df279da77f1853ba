import { User as Person } from './models/user';

export const user: Person = new Person('ada');
export const again = new Person('grace');
