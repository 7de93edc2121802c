/* sopgen document control: the date of printing on every printed page of a printable
   (the @page margin line and the control line), in the language of the page's control
   block (its lang). Without scripts the pages print a dotted blank to fill in by hand. */
(function () {
  "use strict";
  /* The month names of each language of generator/locale.yaml ("months"), said here once
     rather than on every printable (tests/test_life.py holds the two to the same words). */
  const MONTHS = {
    id: "Januari,Februari,Maret,April,Mei,Juni,Juli,Agustus,September,Oktober,November,Desember",
    en: "January,February,March,April,May,June,July,August,September,October,November,December"
  };
  /* The CSS string in each control <style> that stands for the date of printing
     (generator/render/control.py: PRINTED_TOKEN). */
  const TOKEN = "\"\u2026\u2026\u2026\u2026\"";
  const block = document.querySelector("div.sopgen-control");
  if (!block) { return; }
  const known = Object.prototype.hasOwnProperty.call(MONTHS, block.lang);
  const months = known ? MONTHS[block.lang].split(",") : [];
  const now = new Date();
  const text = now.getDate() + " " + (months[now.getMonth()] || String(now.getMonth() + 1)) +
    " " + now.getFullYear();
  document.querySelectorAll("[data-sopgen-printed]").forEach(function (el) {
    el.textContent = text;
  });
  document.querySelectorAll("style[data-sopgen-control]").forEach(function (style) {
    style.textContent = style.textContent.split(TOKEN).join(JSON.stringify(text));
  });
})();
