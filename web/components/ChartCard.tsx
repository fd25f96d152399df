// A titled card holding one ECharts chart (SVG), with a test id and an accessible label.
import { Card, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEChart, type ChartClick, type ChartOption } from './useEChart.ts';

export function ChartCard({
  title,
  option,
  testId,
  height,
  onClick,
}: {
  title: string;
  option: ChartOption;
  testId: string;
  height: number;
  /** A click on a bar or point, by its category index (a drill-down). */
  onClick?: ChartClick;
}) {
  const { i18n } = useTranslation();
  const ref = useEChart(option, i18n.language, onClick);
  return (
    <Card withBorder radius="md" padding="sm">
      <Text fw={600} size="sm" mb="xs">
        {title}
      </Text>
      <div
        ref={ref}
        style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
        data-testid={testId}
        role="img"
        aria-label={title}
      />
    </Card>
  );
}
