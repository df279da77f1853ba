export class Review {
  id = '';
}
