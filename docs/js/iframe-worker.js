/*
 * policyc — search from file:// without the network.
 *
 * Browsers refuse to start a Web Worker from a file:// page, and mkdocs-material's search runs
 * in a worker. The offline plugin fixes that with the iframe-worker shim, which it loads from
 * unpkg.com — unreachable offline. This local replacement (named in mkdocs.yml under
 * extra.polyfills, so the plugin does not add the remote one) runs the worker script inside a
 * hidden same-origin iframe instead:
 *
 *   - in the iframe, `postMessage(data)` sends to the page and `importScripts(...urls)` loads
 *     scripts one after the other and returns a Promise (mkdocs-material awaits it);
 *   - on the page, the object returned by `new Worker(url)` is an EventTarget with
 *     postMessage / terminate / onmessage / onerror.
 *
 * It only replaces `Worker` on file:// pages; served over HTTP nothing changes.
 */
(function () {
  "use strict";

  if (typeof window === "undefined" || window.location.protocol !== "file:") return;
  if (typeof EventTarget !== "function") return;

  /* Copy a message into the receiving window's realm (arrays and objects made there). */
  function copy(data, realm) {
    try {
      return realm.structuredClone ? realm.structuredClone(data) : data;
    } catch (err) {
      return data;
    }
  }

  function FrameWorker(url) {
    var target = new EventTarget();
    var self = this;
    var queue = [];
    var ready = false;
    var frame = document.createElement("iframe");

    this.onmessage = null;
    this.onerror = null;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);

    function fire(event, handler) {
      target.dispatchEvent(event);
      if (typeof handler === "function") handler.call(self, event);
    }

    function fail(error, message) {
      var event = new ErrorEvent("error", {
        message: message || String(error), filename: String(url), error: error
      });
      fire(event, self.onerror);
    }

    function deliver(data) {
      var win = frame.contentWindow;
      if (!win) return;
      win.dispatchEvent(new win.MessageEvent("message", { data: copy(data, win) }));
    }

    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    (document.body || document.documentElement).appendChild(frame);
    var win = frame.contentWindow;
    var doc = win.document;

    function load(src) {
      return new Promise(function (resolve, reject) {
        var script = doc.createElement("script");
        script.src = src;
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error("cannot load " + src)); };
        (doc.body || doc.documentElement).appendChild(script);
      });
    }

    /* The worker's global scope. */
    win.postMessage = function (data) {
      var event = new MessageEvent("message", { data: copy(data, window) });
      setTimeout(function () { fire(event, self.onmessage); }, 0);
    };
    win.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (done, src) {
        return done.then(function () { return load(src); });
      }, Promise.resolve());
    };
    win.close = function () { self.terminate(); };
    win.addEventListener("error", function (event) {
      fail(event.error, event.message);
    });

    load(String(url)).then(function () {
      ready = true;
      queue.splice(0).forEach(deliver);
    }, fail);

    this.postMessage = function (data) {
      if (ready) deliver(data); else queue.push(data);
    };
    this.terminate = function () {
      queue.length = 0;
      if (frame.parentNode) frame.parentNode.removeChild(frame);
    };
  }

  // mkdocs-material's search worker looks for `IFrameWorker` on its parent to find its own
  // script (and from there the lunr language files) when it runs in an iframe.
  window.IFrameWorker = FrameWorker;
  window.Worker = FrameWorker;
})();
