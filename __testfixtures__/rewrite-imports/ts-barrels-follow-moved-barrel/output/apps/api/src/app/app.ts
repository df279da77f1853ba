import { type ExportResponse, ExportService } from './export/export.module';

export async function run(service: ExportService): Promise<ExportResponse['meta']> {
  const data: ExportResponse = await service.export();
  return data.meta;
}
