import adjust from '@/lib/adjust-channel';

export const next = adjust(1);
