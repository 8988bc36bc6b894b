// gka serve: reloads the page when the site was rebuilt. Served only by `gka serve`, never
// part of a built site. The server sends a `hello` event with its build number on every
// (re)connection and a `reload` event after every rebuild.
(function () {
  "use strict";
  if (typeof EventSource === "undefined") {
    return;
  }
  // The build this page was served from; a `hello` naming another one means it is stale.
  var script = document.currentScript;
  var seen = script ? script.getAttribute("data-build") : null;
  var source = new EventSource("/__gka/events");
  source.addEventListener("hello", function (event) {
    if (seen !== null && seen !== event.data) {
      window.location.reload();
    }
    seen = event.data;
  });
  source.addEventListener("reload", function () {
    window.location.reload();
  });
})();
