// Mantine's CSS uses its own mixins and rem() helpers; this preset expands them at build time.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
