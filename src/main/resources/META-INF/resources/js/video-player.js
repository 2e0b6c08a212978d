/* HọcSố video player: a <video> that costs nothing but its poster until the first play; then the browser's own HLS
   (Safari, iOS) or hls.js, fetched only then and only where it is needed; a remembered data-saver choice; the lowest
   rung first on a slow or metered link; never a rung larger than the player. Heartbeats carry the stretches watched
   since the last acknowledged one (kept and re-sent after a network drop; the server keeps a union, so a retry adds
   nothing). Heartbeats are form posts carrying the CSRF token and the watch ticket the page gave us (each answer
   brings a fresh one); sendBeacon when the page is left. */
(function () {
  'use strict';
  var SAVER_KEY = 'hocso-data-saver';
  var BEAT_MS = 10000;
  var HLS_TYPE = 'application/vnd.apple.mpegurl';

  // hls.js (half a megabyte) is fetched once per page, when a player first needs it
  var hlsWaiting = null;
  function withHls(url, then, failed) {
    if (window.Hls) { then(); return; }
    if (!hlsWaiting) {
      hlsWaiting = [];
      var script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = function () { hlsWaiting.forEach(function (w) { w.then(); }); };
      script.onerror = function () { hlsWaiting.forEach(function (w) { w.failed(); }); hlsWaiting = null; };
      document.head.appendChild(script);
    }
    hlsWaiting.push({ then: then, failed: failed });
  }

  /* Save-Data asked by the browser (the page says so), or the Network Information API's saveData or a 2G/3G link. */
  function slowOrMetered(box) {
    if (box.dataset.saveData === 'on') { return true; }
    var c = navigator.connection;
    return !!c && (c.saveData === true || /^(slow-2g|2g|3g)$/.test(c.effectiveType || ''));
  }

  function setup(box) {
    var video = box.querySelector('video');
    var saver = box.querySelector('.saver');
    var errorBox = box.querySelector('.player-error');
    var watchedText = box.querySelector('.watched');
    var beatUrl = box.dataset.heartbeat;
    var ticket = box.dataset.ticket;
    var hls = null;
    var recovered = 0;
    var started = false;
    // Safari and iOS play HLS themselves: no hls.js for them
    var nativeHls = !!video.canPlayType(HLS_TYPE);
    var mode = 'off';
    try { mode = localStorage.getItem(SAVER_KEY) || 'off'; } catch (e) { /* private mode */ }
    if (!Array.prototype.some.call(saver.options, function (o) { return o.value === mode; })) { mode = 'off'; }
    saver.value = mode;

    function showError() { errorBox.textContent = box.dataset.error; errorBox.hidden = false; }

    function load(at, play) {
      started = true;
      if (hls) { hls.destroy(); hls = null; }
      var src = mode === 'audio' && box.dataset.audio ? box.dataset.audio : box.dataset.master;
      if (nativeHls) {
        // the master declares the captions for the browser's own player: the <track> copies would show twice
        Array.prototype.slice.call(video.querySelectorAll('track')).forEach(function (t) { t.remove(); });
        // the browser's own HLS picks its first rung itself (Chromium took a 720p one on slow 3G): on a slow or metered
        // link, and with the 240p choice, it gets a master of the lowest rung only
        var lowest = mode === '240p' || (mode === 'off' && slowOrMetered(box));
        video.src = lowest && src === box.dataset.master ? src + '?lowest=1' : src;
        video.addEventListener('loadedmetadata', function () { if (at > 0) { video.currentTime = at; } }, { once: true });
        if (play) { video.play().catch(function () {}); }
        return;
      }
      if (!window.MediaSource && !window.ManagedMediaSource) { showError(); return; }
      withHls(box.dataset.hls, function () {
        if (!window.Hls.isSupported()) { showError(); return; }
        var low = mode !== 'off' || slowOrMetered(box);
        hls = new window.Hls({
          startPosition: at,
          startLevel: low ? 0 : -1,
          capLevelToPlayerSize: true,
          // captions are the page's <track> elements; the master's copies are for players without them
          subtitleStreamController: null,
          subtitleTrackController: null,
          enableWebVTT: false,
          enableIMSC1: false
        });
        hls.on(window.Hls.Events.MANIFEST_PARSED, function () {
          if (mode === '240p') { hls.autoLevelCapping = 0; }
          if (play) { video.play().catch(function () {}); }
        });
        hls.on(window.Hls.Events.ERROR, function (event, data) {
          if (!data.fatal) { return; }
          if (recovered++ >= 3) { showError(); return; }
          if (data.type === window.Hls.ErrorTypes.MEDIA_ERROR) { hls.recoverMediaError(); return; }
          // expired presigned URLs or a dropped connection: fetch fresh playlists and go on from here
          load(video.currentTime || at, !video.paused);
        });
        hls.loadSource(src);
        hls.attachMedia(video);
      }, showError);
    }

    // no faster than the fastest speed the browser's controls offer (2x): the server counts coverage at that rate
    var maxRate = parseFloat(box.dataset.maxRate) || 2;
    video.addEventListener('ratechange', function () {
      if (video.playbackRate > maxRate) { video.playbackRate = maxRate; }
    });

    saver.addEventListener('change', function () {
      mode = saver.value;
      try { localStorage.setItem(SAVER_KEY, mode); } catch (e) { /* private mode */ }
      if (!started) { return; }
      close();
      load(video.currentTime, !video.paused);
    });

    // watched stretches in milliseconds: [from, to]
    var pending = [];
    var from = null;
    var last = null;
    function now() { return Math.round(video.currentTime * 1000); }
    function close() {
      if (from !== null && last !== null && last > from) { pending.push([from, last]); }
      from = null;
      last = null;
    }
    function merged() {
      var list = pending.slice().sort(function (a, b) { return a[0] - b[0]; });
      var out = [];
      list.forEach(function (r) {
        if (out.length && r[0] <= out[out.length - 1][1]) { out[out.length - 1][1] = Math.max(out[out.length - 1][1], r[1]); }
        else { out.push([r[0], r[1]]); }
      });
      return out;
    }
    video.addEventListener('playing', function () { from = now(); last = from; send(); });
    video.addEventListener('timeupdate', function () {
      if (video.paused || video.seeking || from === null) { return; }
      var t = now();
      if (t < last || t - last > 3000) { close(); from = t; }
      last = t;
    });
    video.addEventListener('seeking', close);
    video.addEventListener('pause', function () { close(); send(); });
    video.addEventListener('ended', function () { close(); send(); });

    function form(list) {
      var p = new URLSearchParams();
      p.set(box.dataset.csrfName, box.dataset.csrf);
      p.set('ticket', ticket);
      p.set('watched', list.map(function (r) { return r[0] + '-' + r[1]; }).join(','));
      p.set('position', String(now()));
      return p;
    }
    function flush() {
      // the stretch being watched goes out now and goes on from where it is
      if (from !== null && last !== null && last > from) { pending.push([from, last]); from = last; }
      pending = merged();
    }
    var inflight = false;
    function unsaved() { if (watchedText) { watchedText.textContent = box.dataset.unsaved; } }
    function send() {
      if (!beatUrl || inflight) { return; }
      flush();
      var batch = pending.slice();
      inflight = true;
      fetch(beatUrl, { method: 'POST', body: form(batch), credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) {
          // 200: recorded; 400: malformed, never will be: drop it. 409 (ahead of the clock) and 429: keep for later
          if (r.ok || r.status === 400) {
            pending = pending.filter(function (p) { return batch.indexOf(p) < 0; });
          }
          // 503: the platform is briefly down; the stretches stay pending and the learner knows they are not in yet
          if (r.status >= 500) { unsaved(); }
          if (r.status === 401) {
            // the ticket expired (a page left open for hours): say so and stop; a reload brings a new one
            beatUrl = null;
            return r.json().then(function (j) { errorBox.textContent = j.error; errorBox.hidden = false; return null; });
          }
          return r.ok ? r.json() : null;
        })
        .then(function (j) {
          if (!j) { return; }
          if (j.ticket) { ticket = j.ticket; }
          if (watchedText) { watchedText.textContent = j.text; }
          // the lesson page's "done" mark, shown the moment the watched coverage completes the lesson
          var doneMark = j.completed && document.querySelector('.video-done[hidden]');
          if (doneMark) { doneMark.hidden = false; }
        })
        // offline: the stretches stay pending and go with the next heartbeat
        .catch(unsaved)
        .finally(function () { inflight = false; });
    }
    if (beatUrl) {
      setInterval(function () { if (!video.paused) { send(); } }, BEAT_MS);
      var leave = function () {
        flush();
        if (beatUrl && navigator.sendBeacon) { navigator.sendBeacon(beatUrl, form(pending)); }
      };
      window.addEventListener('pagehide', leave);
      document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { leave(); } });
    }

    // nothing but the poster until the first play (preload="none", no source yet, so the browser's own controls would
    // have nothing to start: the page's button starts it), then from where this learner stopped
    var startButton = box.querySelector('.player-start');
    function begin() {
      if (started) { return; }
      startButton.hidden = true;
      video.controls = true;
      load(parseFloat(box.dataset.resume) || 0, true);
    }
    startButton.addEventListener('click', begin);
    video.addEventListener('play', begin);
  }

  function start() { document.querySelectorAll('.player').forEach(setup); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
