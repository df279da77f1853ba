import { Export, ExportResponse } from '@ghostfolio/common/responses';

export function toResponse(data: Export): ExportResponse {
  return data;
}
