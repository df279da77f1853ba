export const measureText = (text: string) => text.length;
