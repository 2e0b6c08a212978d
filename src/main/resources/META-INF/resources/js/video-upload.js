/* HọcSố trainer video page: the file goes from the browser straight to the object store with a presigned POST form
   whose policy bounds its size (progress from XHR), then the app is asked to check it; the status is polled and shown
   in place. */
(function () {
  'use strict';
  var box = document.querySelector('.video-upload');
  var statusBox = document.querySelector('.video-status');
  if (!box || !statusBox) { return; }
  var input = box.querySelector('input[type=file]');
  var startButton = box.querySelector('.upload-start');
  var retryButton = box.querySelector('.upload-retry');
  var bar = box.querySelector('.progress');
  var text = box.querySelector('.upload-text');

  function say(message) { text.textContent = message || ''; }
  function progress(element, percent) {
    // a job not started yet has no percent: the answer leaves the field out
    var value = percent || 0;
    element.hidden = false;
    element.value = value;
    element.textContent = Math.round(value) + '%';
  }
  function post(url, fields) {
    var body = new URLSearchParams();
    body.set(box.dataset.csrfName, box.dataset.csrf);
    Object.keys(fields).forEach(function (k) { body.set(k, fields[k]); });
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) { return { ok: r.ok, body: j }; });
      });
  }
  function send(upload, file) {
    return new Promise(function (resolve, reject) {
      var form = new FormData();
      // the policy's fields first, the file last: the store reads the policy before the bytes
      Object.keys(upload.fields).forEach(function (k) { form.append(k, upload.fields[k]); });
      form.append('file', file);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', upload.url);
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          var percent = e.loaded * 100 / e.total;
          progress(bar, percent);
          say(box.dataset.textSending + ' ' + Math.floor(percent) + '%');
        }
      };
      xhr.onload = function () { if (xhr.status >= 200 && xhr.status < 300) { resolve(); } else { reject(new Error(box.dataset.textNetwork)); } };
      xhr.onerror = function () { reject(new Error(box.dataset.textNetwork)); };
      xhr.send(form);
    });
  }
  function showStatus(s) {
    if (!s || !s.status) { return; }
    statusBox.dataset.state = s.status;
    statusBox.querySelector('.status-text').textContent = s.text;
    var statusBar = statusBox.querySelector('.progress');
    if (s.status === 'queued' || s.status === 'processing') { progress(statusBar, s.percent); } else { statusBar.hidden = true; }
    statusBox.querySelector('.replacing').hidden = !s.replacing;
  }
  var polling = null;
  function poll() {
    if (polling) { return; }
    polling = setInterval(function () {
      fetch(statusBox.dataset.statusUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          showStatus(s);
          if (s && s.status !== 'queued' && s.status !== 'processing') { clearInterval(polling); polling = null; }
        })
        .catch(function () { /* try again at the next tick */ });
    }, 2000);
  }
  function upload() {
    var file = input.files[0];
    if (!file) { say(box.dataset.textPick); return; }
    startButton.disabled = true;
    retryButton.hidden = true;
    progress(bar, 0);
    post(box.dataset.start, { size: file.size, type: file.type })
      .then(function (res) {
        if (!res.ok) { throw new Error(res.body.error); }
        var upload = res.body;
        return send(upload, file).then(function () {
          say(box.dataset.textChecking);
          return post(upload.confirm, {});
        }, function (error) {
          post(upload.cancel, {});
          throw error;
        });
      })
      .then(function (res) {
        if (!res.ok) { throw new Error(res.body.error); }
        say('');
        bar.hidden = true;
        showStatus(res.body);
        poll();
      })
      .catch(function (error) { say(error.message || box.dataset.textNetwork); retryButton.hidden = false; })
      .finally(function () { startButton.disabled = false; });
  }
  startButton.addEventListener('click', upload);
  retryButton.addEventListener('click', upload);
  if (statusBox.dataset.state === 'queued' || statusBox.dataset.state === 'processing') { poll(); }
}());
