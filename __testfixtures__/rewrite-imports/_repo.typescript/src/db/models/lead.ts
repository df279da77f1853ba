export class BusinessSocialAccount {
  constructor(public id: string) {}
}

export class CustomerSocialIdentity {
  constructor(public provider: string) {}
}
