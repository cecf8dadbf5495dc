// Draws the dashboard's charts from the page's JSON data island; the tables below hold the same figures.
document.addEventListener('DOMContentLoaded', function () {
  var island = document.getElementById('insight-data');
  if (!island || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(island.textContent);
  var labels = document.documentElement.lang === 'ko'
    ? { solved: '해결', unresolved: '미해결', pain: '불편 지수' }
    : { solved: 'Solved', unresolved: 'Unresolved', pain: 'Pain' };
  var areas = document.getElementById('chart-areas');
  if (areas && data.areas.length) {
    echarts.init(areas).setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [labels.solved, labels.unresolved] },
      grid: { left: 8, right: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.areas, axisLabel: { interval: 0, rotate: data.areas.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      color: ['#1a7f37', '#cf222e'],
      series: [
        { name: labels.solved, type: 'bar', stack: 'asked', data: data.solved },
        { name: labels.unresolved, type: 'bar', stack: 'asked', data: data.unresolved }
      ]
    });
  }
  var tags = document.getElementById('chart-tags');
  if (tags && data.tags.length) {
    echarts.init(tags).setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.tags.slice().reverse() },
      color: ['#bf8700'],
      series: [{ name: labels.pain, type: 'bar', data: data.tagPain.slice().reverse() }]
    });
  }
  window.addEventListener('resize', function () {
    [areas, tags].forEach(function (element) {
      var chart = element && echarts.getInstanceByDom(element);
      if (chart) { chart.resize(); }
    });
  });
});
