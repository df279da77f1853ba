import * as textElementUtils from "@scope/element/textElement";
import { measureText } from "@scope/element";

export const spied = [textElementUtils, measureText];
