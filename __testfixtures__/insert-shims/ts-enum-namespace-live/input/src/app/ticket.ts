import { Status } from '../legacy/status';

export const initial: Status = Status.Open;
