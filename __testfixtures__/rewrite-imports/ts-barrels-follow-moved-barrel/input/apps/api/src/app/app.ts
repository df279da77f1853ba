import { type Export, ExportService } from './export/export.module';

export async function run(service: ExportService): Promise<Export['meta']> {
  const data: Export = await service.export();
  return data.meta;
}
