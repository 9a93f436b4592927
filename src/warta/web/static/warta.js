// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Timeline: buttons to show all, only reported, or only expected events.
  function timelineFilter(list) {
    var bar = document.createElement("div");
    bar.className = "tl-filter";
    var modes = [["all", "All"], ["only-reported", "Reported"], ["only-expected", "Expected"]];
    modes.forEach(function (mode) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = mode[1];
      button.setAttribute("aria-pressed", mode[0] === "all" ? "true" : "false");
      button.addEventListener("click", function () {
        list.classList.remove("only-reported", "only-expected");
        if (mode[0] !== "all") list.classList.add(mode[0]);
        bar.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
        button.setAttribute("aria-pressed", "true");
      });
      bar.appendChild(button);
    });
    list.parentNode.insertBefore(bar, list);
  }

  // Briefly flag the sentence a citation link pointed at.
  function markTarget() {
    if (!location.hash || location.hash.length < 2) return;
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.classList.contains("sentence-anchor")) {
      target.classList.add("cited");
      target.scrollIntoView({ block: "center" });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("ol.timeline").forEach(timelineFilter);
    markTarget();
  });
})();
