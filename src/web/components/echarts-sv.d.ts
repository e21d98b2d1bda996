// ECharts ships its Swedish locale as plain JavaScript; this gives it the type registerLocale takes.
declare module "echarts/lib/i18n/langSV.js" {
  const langSV: Parameters<typeof import("echarts/core").registerLocale>[1];
  export default langSV;
}
