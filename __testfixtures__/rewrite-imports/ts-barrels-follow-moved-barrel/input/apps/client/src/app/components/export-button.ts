import type { Export } from '@ghostfolio/common/exports';
import { LegacyExport } from '@ghostfolio/common/public-api';
import * as common from '../../../../../libs/common/src';

export function label(data: Export, legacy: LegacyExport, other: common.Export): string {
  return `${data.activities.length} ${legacy.meta.version} ${other.meta.date}`;
}
