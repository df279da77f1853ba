import * as textElementUtils from "@scope/element/textElement";
import { measureText } from "@scope/element/textElement";

export const spied = [textElementUtils, measureText];
