import ApexCharts from '/lib/apexcharts/apexcharts.esm.js';

const charts = new WeakMap();

// Formatters are functions and cannot travel as JSON options: an option `formatter: "<name>"` picks one of these.
const formatters = {
  // A duration axis drawn as log10(seconds): 1 s, 45 s, 5 min, 1 h 30 min.
  durationLog10: value => formatDuration(Math.round(Math.pow(10, value))),
  // Pace in decimal minutes per kilometre as m:ss.
  paceMinPerKm: value => {
    if (value === null || value === undefined || !isFinite(value)) {
      return '';
    }
    const total = Math.round(value * 60);
    return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')} /km`;
  },
};

function formatDuration(seconds) {
  if (seconds < 60) {
    return `${seconds} s`;
  }
  if (seconds < 3600) {
    const s = seconds % 60;
    return s === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${s} s`;
  }
  const m = Math.round((seconds % 3600) / 60);
  return m === 0 ? `${Math.floor(seconds / 3600)} h` : `${Math.floor(seconds / 3600)} h ${m} min`;
}

function resolveFormatters(node) {
  if (Array.isArray(node)) {
    node.forEach(resolveFormatters);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'formatter' && typeof value === 'string' && formatters[value]) {
        node[key] = formatters[value];
      } else if (key !== 'series') {
        resolveFormatters(value);
      }
    }
  }
  return node;
}

export function render(element, options) {
  destroy(element);
  const chart = new ApexCharts(element, resolveFormatters(options));
  charts.set(element, chart);
  if (!element.dataset.cursor) {
    // Another module (a video player) moves a cursor by dispatching `chart-cursor` with the x value as detail.
    element.dataset.cursor = 'listening';
    element.addEventListener('chart-cursor', e => cursor(element, e.detail));
  }
  return chart.render();
}

export function update(element, series, options) {
  const chart = charts.get(element);
  if (!chart) {
    return render(element, { ...options, series });
  }
  if (options) {
    chart.updateOptions(resolveFormatters(options), false, false, false);
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

// A vertical line at x (e.g. a video's current time), moved rather than added so the chart keeps one cursor.
export function cursor(element, x) {
  const chart = charts.get(element);
  if (!chart) {
    return;
  }
  element.dataset.cursorX = String(x);
  try {
    chart.removeAnnotation('cursor');
  } catch {
    // None drawn yet.
  }
  chart.addXaxisAnnotation({ id: 'cursor', x, borderColor: '#e53935', strokeDashArray: 0 }, false);
}
