// Draws the profile chart from the figures embedded in the page; the tables hold the same data.
(function () {
  var data = document.getElementById('report-data');
  var canvas = document.getElementById('profile-chart');
  if (!data || !canvas || typeof window.Chart === 'undefined') {
    return;
  }
  var chart = JSON.parse(data.textContent || '{}');
  // On a phone the area names would take the whole width (or be cut off): they wrap onto
  // lines of their own, and the chart is taller than wide.
  var narrow = (canvas.parentNode && canvas.parentNode.clientWidth < 560) || false;
  function wrap(label) {
    if (!narrow || typeof label !== 'string' || label.length <= 16) {
      return label;
    }
    var lines = [];
    label.split(' ').forEach(function (word) {
      var last = lines[lines.length - 1];
      if (last !== undefined && (last + ' ' + word).length <= 16) {
        lines[lines.length - 1] = last + ' ' + word;
      } else {
        lines.push(word);
      }
    });
    return lines;
  }
  if (Array.isArray(chart.labels)) {
    chart.labels = chart.labels.map(wrap);
  }
  new window.Chart(canvas, {
    type: 'bar',
    data: chart,
    options: {
      indexAxis: 'y',
      animation: false,
      aspectRatio: narrow ? 0.8 : 2,
      scales: { x: { min: 1, max: 5, ticks: { stepSize: 1 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
})();
