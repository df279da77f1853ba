import { Model } from "./lib/old";
import * as m from "@/lib/old";
export const x = [Model, m];
