// Reloads a page that shows work in progress (a background export) every few seconds while the page says so
// (data-refresh-seconds on an element); the server stops saying so once nothing is running.
(function () {
  var marker = document.querySelector('[data-refresh-seconds]');
  if (!marker) {
    return;
  }
  var seconds = parseInt(marker.getAttribute('data-refresh-seconds'), 10) || 3;
  setTimeout(function () {
    window.location.reload();
  }, seconds * 1000);
})();
