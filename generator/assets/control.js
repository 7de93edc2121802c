/* sopgen document control: the date of printing on every printed page of a printable
   (the @page margin line and the control line), in the site's language. Without scripts
   the pages print a dotted blank to fill in by hand. */
(function () {
  "use strict";
  const block = document.querySelector("div[data-sopgen-control]");
  if (!block) { return; }
  const months = (block.getAttribute("data-months") || "").split(",");
  const now = new Date();
  const text = now.getDate() + " " + (months[now.getMonth()] || String(now.getMonth() + 1)) +
    " " + now.getFullYear();
  document.querySelectorAll("[data-sopgen-printed]").forEach(function (el) {
    el.textContent = text;
  });
  document.querySelectorAll("style[data-sopgen-control]").forEach(function (style) {
    const token = style.getAttribute("data-placeholder");
    if (token) { style.textContent = style.textContent.split(token).join(JSON.stringify(text)); }
  });
})();
