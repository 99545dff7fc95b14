// A waiting journey page (in review, processing) asks where the journey stands every few
// seconds and reloads itself when that changes: the reader never has to reload by hand.
// Without JavaScript the page's <noscript> refresh does the same, more slowly.
(function () {
  'use strict';
  var page = document.getElementById('journey-waiting');
  if (!page || !window.fetch) { return; }
  var url = page.getAttribute('data-status-url');
  var state = page.getAttribute('data-state');
  var delay = 2000;
  function ask() {
    fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (response.status === 401) {
          // the session has ended (signed out, expired): say so, and stop asking
          signedOut();
          return null;
        }
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (status) {
        if (status === null) { return; }
        if (status.state !== state) {
          window.location.reload();
          return;
        }
        delay = 2000;
        setTimeout(ask, delay);
      })
      .catch(function () {
        // signed out, offline, server restarting: try again, less often
        delay = Math.min(delay * 2, 30000);
        setTimeout(ask, delay);
      });
  }
  function signedOut() {
    var notice = document.getElementById('signed-out');
    if (notice) { notice.hidden = false; }
    var spinner = page.querySelector('.spinner');
    if (spinner) { spinner.hidden = true; }
  }
  setTimeout(ask, delay);
})();
