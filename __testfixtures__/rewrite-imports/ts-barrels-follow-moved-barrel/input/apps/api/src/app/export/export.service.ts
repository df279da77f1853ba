import { Export } from '@ghostfolio/common/interfaces';

export class ExportService {
  public async export(): Promise<Export> {
    return { meta: { date: new Date().toISOString(), version: 'dev' }, activities: [] };
  }
}

// a local type parameter shadows the import: left alone
export function identity<Export>(value: Export): Export {
  return value;
}
