// echarts ships its locale objects as UMD files without type declarations.
declare module 'echarts/i18n/langRU-obj.js' {
  const locale: Record<string, unknown>;
  export default locale;
}
