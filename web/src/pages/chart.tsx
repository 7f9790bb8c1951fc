import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(...registerables);

/** Consent by households and by area over time, against the project's threshold. */
export function ConsentChart(props: {
  points: Array<{ label: string; households: number; area: number }>;
  threshold: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels: props.points.map((p) => p.label),
        datasets: [
          { label: 'Theo số hộ (%)', data: props.points.map((p) => p.households * 100), borderColor: '#1f6fb2' },
          { label: 'Theo diện tích (%)', data: props.points.map((p) => p.area * 100), borderColor: '#27ae60' },
          {
            label: 'Ngưỡng (%)',
            data: props.points.map(() => props.threshold * 100),
            borderColor: '#c0392b',
            borderDash: [4, 4],
            pointRadius: 0,
          },
        ],
      },
      options: { animation: false, responsive: true, scales: { y: { min: 0, max: 100 } } },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [props.points, props.threshold]);
  return <canvas ref={canvas} role="img" aria-label="Biểu đồ tỷ lệ đồng thuận theo tháng" />;
}
