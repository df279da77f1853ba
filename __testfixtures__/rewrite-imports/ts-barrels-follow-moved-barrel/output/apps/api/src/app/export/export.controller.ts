import type { ExportResponse } from '@ghostfolio/common/api';
import { ExportService } from './export.service';

export class ExportController {
  public constructor(private readonly exportService: ExportService) {}

  public async export(): Promise<ExportResponse> {
    const Export = await this.exportService.export();
    return Export;
  }
}
