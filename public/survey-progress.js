// Keeps the survey's progress counter and bar in step with the answers as they are given. The
// server renders both (the page works without this script); a screen reader hears the new count
// politely, once per newly answered statement, not on every change of an answer.
(function () {
  var form = document.querySelector('form[data-progress]');
  var label = document.getElementById('progress-label');
  var bar = document.getElementById('progress');
  if (!form || !label || !bar) {
    return;
  }
  var template = label.getAttribute('data-template') || '';
  var names = [];
  var seen = {};
  Array.prototype.forEach.call(
    form.querySelectorAll('input[type=radio][name^="item-"]'),
    function (input) {
      if (!seen[input.name]) {
        seen[input.name] = true;
        names.push(input.name);
      }
    },
  );
  var shown = Number(bar.getAttribute('value')) || 0;

  function update() {
    var answered = names.filter(function (name) {
      return form.querySelector('input[type=radio][name="' + name + '"]:checked') !== null;
    }).length;
    if (answered === shown) {
      return;
    }
    shown = answered;
    bar.value = answered;
    bar.textContent = Math.round((answered / Math.max(1, names.length)) * 100) + ' %';
    label.textContent = template.replace('{answered}', String(answered));
  }

  form.addEventListener('change', update);
  // answers a browser restored on going back
  update();
})();
