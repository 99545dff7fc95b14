// 查看更多: fetch the next page of the thread as an HTML fragment and append it in place.
(function () {
  'use strict';
  function wire(more) {
    more.addEventListener('click', function (event) {
      var url = more.getAttribute('data-fragment');
      if (!url || !window.fetch) { return; } // the link still works without this
      event.preventDefault();
      more.setAttribute('aria-busy', 'true');
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.text();
        })
        .then(function (html) {
          var holder = document.createElement('template');
          holder.innerHTML = html;
          var list = document.getElementById('comment-list');
          var fresh = holder.content.querySelectorAll('.comment-list > li');
          var first = null;
          fresh.forEach(function (item) {
            if (!document.getElementById(item.id)) {
              list.appendChild(item);
              if (!first) { first = item; }
            }
          });
          var next = holder.content.getElementById('more-comments');
          if (next) {
            more.setAttribute('data-fragment', next.getAttribute('data-fragment'));
            more.setAttribute('href', next.getAttribute('href'));
            more.removeAttribute('aria-busy');
          } else {
            more.parentNode.removeChild(more);
          }
          if (first) {
            // keyboard and screen-reader users land on what was loaded
            first.setAttribute('tabindex', '-1');
            first.focus({ preventScroll: true });
          }
        })
        .catch(function () {
          window.location.assign(more.getAttribute('href'));
        });
    });
  }
  var more = document.getElementById('more-comments');
  if (more) { wire(more); }
})();
