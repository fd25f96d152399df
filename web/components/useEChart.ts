// ECharts, tree-shaken: only the bar, line, scatter (key drivers) and custom (error bars) charts,
// the grid/tooltip/legend components and the SVG renderer are bundled. The hook owns the chart's
// life: init on mount, setOption on change, resize with the container, dispose on unmount.
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import langRU from 'echarts/i18n/langRU-obj.js';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);
// The UMD locale file has no types; its shape is the one registerLocale expects.
echarts.registerLocale('RU', langRU as unknown as Parameters<typeof echarts.registerLocale>[1]);

export type ChartOption = echarts.EChartsCoreOption;

/** What a click on a bar or point reports: the index of its category. */
export type ChartClick = (dataIndex: number) => void;

export function useEChart(option: ChartOption, language: string, onClick?: ChartClick) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handler, so a new closure never needs the chart to be made again.
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, null, {
      renderer: 'svg',
      locale: language === 'ru' ? 'RU' : 'EN',
    });
    chart.current = instance;
    instance.on('click', (p) => {
      if (typeof p.dataIndex === 'number') click.current?.(p.dataIndex);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [language]);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, language]);
  return ref;
}
