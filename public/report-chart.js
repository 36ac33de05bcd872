// Draws the profile chart from the figures embedded in the page; the tables hold the same data.
(function () {
  var data = document.getElementById('report-data');
  var canvas = document.getElementById('profile-chart');
  if (!data || !canvas || typeof window.Chart === 'undefined') {
    return;
  }
  var chart = JSON.parse(data.textContent || '{}');
  new window.Chart(canvas, {
    type: 'bar',
    data: chart,
    options: {
      indexAxis: 'y',
      animation: false,
      scales: { x: { min: 1, max: 5, ticks: { stepSize: 1 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
})();
