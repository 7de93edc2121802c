/* sopgen checklist: tick steps off at the desk; the ticks survive a reload.
 *
 * State lives in localStorage under the key the page names (per SOP and revision), so it
 * works from a file:// copy without any server. SOP text is never read or written as HTML:
 * this script only sets textContent, attributes, classes and the checked state. */
(function () {
  "use strict";

  function load(key) {
    try {
      var state = JSON.parse(window.localStorage.getItem(key) || "{}");
      return {
        done: Array.isArray(state.done) ? state.done.map(String) : [],
        answers: state.answers && typeof state.answers === "object" ? state.answers : {}
      };
    } catch (error) {
      return {done: [], answers: {}};
    }
  }

  function save(key, state) {
    try {
      window.localStorage.setItem(key, JSON.stringify(state));
    } catch (error) {
      /* storage full or disabled: the checklist still works until the page is left */
    }
  }

  function number(text) {
    var value = parseFloat(text);
    return isFinite(value) ? value : 0;
  }

  function formatTime(root, minutes, days, workingDays) {
    var lang = document.documentElement.lang || undefined;
    var fmt = function (value) {
      return value.toLocaleString(lang, {maximumFractionDigits: 1});
    };
    var parts = [];
    if (workingDays) parts.push(fmt(workingDays) + " " + root.dataset.labelWorkingDays);
    if (days) parts.push(fmt(days) + " " + root.dataset.labelDays);
    if (minutes || !parts.length) {
      var text = fmt(minutes) + " " + root.dataset.labelMinutes;
      if (minutes >= 60) {
        var hours = Math.floor(minutes / 60);
        var rest = minutes - hours * 60;
        text += " (" + hours + " " + root.dataset.labelHours +
          (rest ? " " + fmt(rest) + " " + root.dataset.labelMinutes : "") + ")";
      }
      parts.push(text);
    }
    return parts.join(" + ");
  }

  function init(root) {
    var key = root.dataset.storageKey;
    /* A row per step: its number in its first cell (what the ticks are kept by), its tick
       box in the seventh. */
    var steps = Array.prototype.map.call(
      root.querySelectorAll(".sopgen-checklist-table tbody tr"), function (row) {
        return {row: row, box: row.cells[6].querySelector("input"),
                number: row.cells[0].textContent.trim()};
      });
    var radios = root.querySelectorAll("input[data-sopgen-answer]");
    var bar = root.querySelector("[data-sopgen-progress]");
    var state = load(key);

    function update() {
      var done = 0, minutes = 0, days = 0, workingDays = 0, unstated = 0;
      steps.forEach(function (step) {
        var row = step.row;
        row.classList.toggle("is-done", step.box.checked);
        if (step.box.checked) {
          done += 1;
        } else {
          minutes += number(row.dataset.minutes);
          days += number(row.dataset.days);
          workingDays += number(row.dataset.workingDays);
          if (row.dataset.unstated) unstated += 1;  // a time not stated is not 0
        }
      });
      bar.querySelector("progress").value = done;
      bar.querySelector("[data-sopgen-progress-count]").textContent = done + " / " + steps.length;
      bar.querySelector("[data-sopgen-remaining]").textContent =
        formatTime(root, minutes, days, workingDays) +
        (unstated ? " + " + unstated + " " + root.dataset.labelUnstated : "");
    }

    function store() {
      state.done = [];
      steps.forEach(function (step) {
        if (step.box.checked) state.done.push(step.number);
      });
      state.answers = {};
      radios.forEach(function (radio) {
        if (radio.checked) state.answers[radio.dataset.sopgenAnswer] = radio.value;
      });
      save(key, state);
      update();
    }

    steps.forEach(function (step) {
      step.box.checked = state.done.indexOf(step.number) !== -1;
      step.box.addEventListener("change", store);
    });
    radios.forEach(function (radio) {
      radio.checked = state.answers[radio.dataset.sopgenAnswer] === radio.value;
      radio.addEventListener("change", store);
    });
    root.querySelector("[data-sopgen-reset]").addEventListener("click", function () {
      steps.forEach(function (step) { step.box.checked = false; });
      radios.forEach(function (radio) { radio.checked = false; });
      try { window.localStorage.removeItem(key); } catch (error) { /* nothing kept */ }
      update();
    });
    bar.hidden = false;
    update();
  }

  document.querySelectorAll("[data-sopgen-printable=checklist]").forEach(init);
})();
