import * as echarts from "echarts/core";
import langSV from "echarts/lib/i18n/langSV.js";
import i18n from "i18next";

// ECharts' own Swedish locale (month and day names, legend and aria words): charts speak the page's
// language (issue 15), and its month abbreviations are the ones src/web/lib/format.ts writes.
echarts.registerLocale("SV", langSV);

/** The locale a new chart is created with: Swedish unless the page is in English. */
export const chartLocale = () => (i18n.language?.startsWith("en") ? "EN" : "SV");
