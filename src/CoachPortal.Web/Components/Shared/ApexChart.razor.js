import ApexCharts from '/lib/apexcharts/apexcharts.esm.js';

const charts = new WeakMap();

export function render(element, options) {
  destroy(element);
  const chart = new ApexCharts(element, options);
  charts.set(element, chart);
  return chart.render();
}

export function update(element, series, options) {
  const chart = charts.get(element);
  if (!chart) {
    return render(element, { ...options, series });
  }
  if (options) {
    chart.updateOptions(options, false, false, false);
  }
  return chart.updateSeries(series, true);
}

export function destroy(element) {
  const chart = charts.get(element);
  if (chart) {
    chart.destroy();
    charts.delete(element);
  }
}
