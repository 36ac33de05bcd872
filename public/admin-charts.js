// The console's progress charts, from the figures embedded in the page; the tables beside
// each chart hold the same data for everyone who does not see it.
(function () {
  var data = document.getElementById('progress-data');
  if (!data || typeof window.Chart === 'undefined') {
    return;
  }
  var figures = JSON.parse(data.textContent || '{}');
  var percentAxis = {
    min: 0,
    max: 100,
    ticks: {
      callback: function (v) {
        return v + ' %';
      },
    },
  };
  var curve = document.getElementById('curve-chart');
  if (curve && figures.curve) {
    new window.Chart(curve, {
      type: 'line',
      data: {
        labels: figures.curve.labels,
        datasets: [
          {
            label: figures.curve.label,
            data: figures.curve.values,
            borderColor: '#0b4f8a',
            backgroundColor: '#0b4f8a',
            stepped: true,
          },
        ],
      },
      options: {
        animation: false,
        scales: { y: percentAxis },
        plugins: { legend: { display: false } },
      },
    });
  }
  // horizontal bars; the canvas's width and height attributes give the chart its proportions
  function bars(canvas, series, colour) {
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: series.labels,
        datasets: [{ label: series.label, data: series.values, backgroundColor: colour }],
      },
      options: {
        animation: false,
        indexAxis: 'y',
        scales: { x: percentAxis },
        plugins: { legend: { display: false } },
      },
    });
  }
  var subjects = document.getElementById('subjects-chart');
  if (subjects && figures.subjects) {
    bars(subjects, figures.subjects, '#0b4f8a');
  }
  var units = document.getElementById('units-chart');
  if (units && figures.units) {
    bars(units, figures.units, '#1e7b3a');
  }
})();
