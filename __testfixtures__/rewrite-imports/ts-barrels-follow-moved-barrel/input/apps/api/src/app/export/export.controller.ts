import type { Export } from '@ghostfolio/common/interfaces';
import { ExportService } from './export.service';

export class ExportController {
  public constructor(private readonly exportService: ExportService) {}

  public async export(): Promise<Export> {
    const Export = await this.exportService.export();
    return Export;
  }
}
