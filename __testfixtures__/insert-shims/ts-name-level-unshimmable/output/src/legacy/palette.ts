const palette = { black: '#000', white: '#fff' };

// exported under another name: remodel cannot replace it where it stands
export const { black: BLACK, white: WHITE } = palette;
