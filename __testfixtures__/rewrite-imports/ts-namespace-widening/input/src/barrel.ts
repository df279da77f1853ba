// a namespace re-export is a namespace object too: it stays, as the namespace import does
export * as textElement from "@scope/element/textElement";
