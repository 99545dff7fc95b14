// 您已通过…: count down from 5 and open the article the reader asked for.
(function () {
  var el = document.getElementById('countdown');
  if (!el) { return; }
  var left = parseInt(el.textContent, 10) || 5;
  var timer = setInterval(function () {
    left -= 1;
    el.textContent = String(Math.max(left, 0));
    if (left <= 0) {
      clearInterval(timer);
      window.location.assign(el.getAttribute('data-target'));
    }
  }, 1000);
})();
