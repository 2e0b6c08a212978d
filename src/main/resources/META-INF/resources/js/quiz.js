// The attempt page: saves each change as the learner goes, and counts down to the server's deadline.
// The server keeps the clock and grades; this script only shows the time left and submits when it runs out.
// Texts come from the page (data-* attributes), so they stay in the message bundles.
(function () {
  'use strict';
  var form = document.querySelector('form.quiz-form');
  if (!form) {
    return;
  }
  var status = document.querySelector('.save-status');
  var submitButton = form.querySelector('button[formaction]');
  var pending = null;
  var again = false;
  var typing = null;
  // seconds before the next try after a failed save: 2, 4, 8, then every 15 while the page is open
  var retryIn = 0;
  var retryTimer = null;

  function retry() {
    show(status.dataset.retrying);
    retryIn = Math.min(15, retryIn ? retryIn * 2 : 2);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(function () {
      retryTimer = null;
      save();
    }, retryIn * 1000);
  }

  function show(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function save() {
    if (pending) {
      again = true;
      return pending;
    }
    show(status.dataset.saving);
    // the whole form, CSRF field included; the save answers 303, so a redirect means saved. The header makes an
    // expired session answer 499 instead of a redirect to sign in (java-script-auto-redirect=false), which would
    // otherwise look the same as a save and drop the answers behind a "saved".
    pending = fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'JavaScript' },
      redirect: 'manual'
    }).then(function (response) {
      if (response.type === 'opaqueredirect' || response.ok) {
        show(typing || again ? status.dataset.saving : status.dataset.saved);
        retryIn = 0;
        clearTimeout(retryTimer);
      } else if (response.status === 409) {
        // submitted elsewhere or out of time: the page says what happened
        window.location.reload();
      } else if (response.status >= 500) {
        // the platform is briefly down (503): the answers are still in the form, sent again until they are taken
        retry();
      } else {
        // 499 (signed out) or any other refusal: nothing was saved, and the learner must know
        show(status.dataset.failed);
      }
    }).catch(function () {
      // offline or the server unreachable: the same, the form is sent again
      retry();
    }).then(function () {
      pending = null;
      if (again) {
        again = false;
        save();
      }
    });
    return pending;
  }

  form.addEventListener('change', save);
  form.addEventListener('input', function (event) {
    if (event.target.type === 'text') {
      // never say "saved" while typed text is still waiting to be sent
      show(status.dataset.saving);
      clearTimeout(typing);
      typing = setTimeout(function () {
        typing = null;
        save();
      }, 800);
    }
  });

  var timer = document.querySelector('.countdown');
  if (timer) {
    var time = timer.querySelector('.time');
    // counted from the server's "seconds left", so a wrong clock on the phone does not matter
    var end = Date.now() + parseInt(timer.dataset.secondsLeft, 10) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      time.textContent = minutes + ':' + (seconds < 10 ? '0' : '') + seconds;
      timer.classList.toggle('is-short', left <= 60);
      if (left === 0) {
        if (form.requestSubmit) {
          form.requestSubmit(submitButton);
        } else {
          submitButton.click();
        }
        return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
