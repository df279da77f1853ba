import { ExportResponse } from '@ghostfolio/common/responses';

export function toResponse(data: ExportResponse): ExportResponse {
  return data;
}
