import adjust from '@/old/adjust';

export const next = adjust(1);
