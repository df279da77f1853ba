import { Status } from '../models/status';

export const initial: Status = Status.Open;
