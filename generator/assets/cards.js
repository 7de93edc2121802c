/* sopgen step cards: give each card the largest type that keeps its text on the A6 card.
 *
 * A card is the same size on screen and on paper (printables.css), so what fits here fits
 * in print and in `sopgen pdf`, which prints this very page. Without this script the type
 * stays as render/cards.py estimated it (a step too long for one card already continues on
 * the next). A card that does not fit even in the smallest type is marked, and its class
 * shows the note saying so (printables.css); only classes change, never any text. */
(function () {
  "use strict";

  var LEVELS = ["", "sopgen-card--dense", "sopgen-card--denser", "sopgen-card--densest"];

  function overflows(card) {
    return card.scrollHeight > card.clientHeight + 1 || card.scrollWidth > card.clientWidth + 1;
  }

  function fit(card) {
    LEVELS.concat("sopgen-card--overfull").forEach(function (level) {
      if (level) card.classList.remove(level);
    });
    for (var i = 0; i < LEVELS.length; i++) {
      if (LEVELS[i]) card.classList.add(LEVELS[i]);
      if (!overflows(card)) return;
      if (LEVELS[i]) card.classList.remove(LEVELS[i]);
    }
    card.classList.add(LEVELS[LEVELS.length - 1], "sopgen-card--overfull");
  }

  function fitAll() {
    document.querySelectorAll(".sopgen-cards .sopgen-card").forEach(fit);
  }

  fitAll();
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fitAll);
})();
