import { Model } from "./lib/new";
import * as m from "@/lib/new";
export const x = [Model, m];
