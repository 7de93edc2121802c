/* sopgen: the swimlane's arrows and Ya/Tidak labels where a reader expects them.
 *
 * Mermaid's swimlane puts an edge label on an inner piece of its arrow (often the middle
 * of the last one): on a long arrow the label stands beside the next step, where it reads
 * as the name of that step's incoming arrows, 50-370 px from the diamond (measured).
 * This script wraps mermaid.render, which Material (and Zensical) call to draw each
 * diagram, and moves every edge label of the drawing to a point just after the start of
 * its own arrow, beside the line (never on it), off every node, arrow and other label,
 * within the lanes. Before that it moves arrows off the lane sides and redraws one that
 * crosses its own diamond (see offLaneSides, offOwnDiamond). The drawing is changed
 * before the page shows it, so screen and print are the same. It must load after
 * mermaid.min.js and before the theme draws (any script in the body does: the theme
 * draws after the page has loaded). No network, works from file://.
 */
(function () {
  "use strict";
  if (typeof window.mermaid === "undefined" || typeof window.mermaid.render !== "function") {
    return;
  }
  var GAP = 3;        // space between the label and its line, and around nodes (SVG units)
  var STEPS = [4, 8, 12, 18, 24, 32, 40];  // distances along the arrow tried, from its start
  var NEAR = 32;      // furthest a label may stand from the exit (the tests allow 40 px)

  function boxOf(el, to) {
    var b = el.getBBox();
    var m = to.getScreenCTM().inverse().multiply(el.getScreenCTM());
    var xs = [], ys = [];
    [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height],
     [b.x + b.width, b.y + b.height]].forEach(function (c) {
      var p = new DOMPoint(c[0], c[1]).matrixTransform(m);
      xs.push(p.x); ys.push(p.y);
    });
    var x = Math.min.apply(null, xs), y = Math.min.apply(null, ys);
    return {x: x, y: y, w: Math.max.apply(null, xs) - x, h: Math.max.apply(null, ys) - y};
  }

  /* A box moved by a matrix (translation and scale: what the drawing's groups use). */
  function mapBox(b, m) {
    var p = new DOMPoint(b.x, b.y).matrixTransform(m);
    var q = new DOMPoint(b.x + b.w, b.y + b.h).matrixTransform(m);
    return {x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), w: Math.abs(q.x - p.x),
            h: Math.abs(q.y - p.y), diamond: b.diamond};
  }

  /* Every node's shape box in the SVG's coordinates, measured once per drawing. */
  function nodeBoxes(svg) {
    return [].slice.call(svg.querySelectorAll("g.node > .label-container")).map(function (el) {
      var b = boxOf(el, svg);
      b.diamond = el.tagName === "polygon";
      return b;
    });
  }

  /* The matrix from the SVG's coordinates to an element's own. */
  function into(el, svg) {
    return el.getScreenCTM().inverse().multiply(svg.getScreenCTM());
  }

  function meets(a, b, pad) {
    return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad &&
           a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
  }

  function meetsNode(node, box) {
    if (!node.diamond) return meets(node.box, box, GAP);
    var s = node.box, cx = s.x + s.w / 2, cy = s.y + s.h / 2;
    var dx = Math.min(Math.max(cx, box.x), box.x + box.w) - cx;
    var dy = Math.min(Math.max(cy, box.y), box.y + box.h) - cy;
    return Math.abs(dx) / (s.w / 2 + GAP) + Math.abs(dy) / (s.h / 2 + GAP) < 1;
  }

  function gap(box, p) {
    var dx = Math.max(box.x - p.x, 0, p.x - box.x - box.w);
    var dy = Math.max(box.y - p.y, 0, p.y - box.y - box.h);
    return Math.hypot(dx, dy);
  }

  function crossed(box, paths) {
    return paths.some(function (points) {
      return points.some(function (p) {
        return p.x > box.x && p.x < box.x + box.w && p.y > box.y && p.y < box.y + box.h;
      });
    });
  }

  function sample(path, to) {
    var m = to.getScreenCTM().inverse().multiply(path.getScreenCTM());
    var length = path.getTotalLength(), points = [];
    for (var at = 0; at <= length; at += 2) {
      points.push(path.getPointAtLength(at).matrixTransform(m));
    }
    return points;
  }

  /* The candidate boxes of a label of size w x h beside its arrow, nearest first. */
  function candidates(path, to, w, h) {
    var m = to.getScreenCTM().inverse().multiply(path.getScreenCTM());
    var length = path.getTotalLength(), out = [];
    STEPS.forEach(function (at) {
      if (at >= length - 6) return;
      var p = path.getPointAtLength(at).matrixTransform(m);
      var q = path.getPointAtLength(Math.min(length, at + 2)).matrixTransform(m);
      var dx = q.x - p.x, dy = q.y - p.y, d = Math.hypot(dx, dy) || 1;
      var nx = -dy / d, ny = dx / d;
      var off = Math.abs(nx) * w / 2 + Math.abs(ny) * h / 2 + GAP;
      [1, -1].forEach(function (side) {
        var cx = p.x + side * nx * off, cy = p.y + side * ny * off;
        out.push({x: cx - w / 2, y: cy - h / 2, w: w, h: h});
      });
    });
    return out;
  }

  /* An arrow run along a lane's side reads as the border line: Mermaid routes arrows
   * between lanes on the lane boundary (measured: 11 arrows on 9 SOPs). Such a run is
   * moved SIDE units into the lane its arrow comes from or goes to, never into a node.
   * Only paths of absolute M/L/Q/C/A commands (what the swimlane draws; A is the hop
   * over a crossing arrow) are changed. */
  var SIDE = 6;
  function offLaneSides(svg) {
    var lanes = [].slice.call(svg.querySelectorAll("g.cluster.swimlane rect.swimlane-body"))
      .map(function (r) { return boxOf(r, svg); });
    var shapes = nodeBoxes(svg);
    svg.querySelectorAll("path.flowchart-link").forEach(function (path) {
      var d = path.getAttribute("d") || "";
      if (/[^MLQCA0-9eE.,\s+-]/.test(d)) return;
      var cmds = [], re = /([MLQCA])([^MLQCA]*)/g, m;
      while ((m = re.exec(d))) {
        var n = m[2].trim().split(/[\s,]+/).filter(Boolean).map(Number);
        if (n.length % (m[1] === "A" ? 7 : 2) || n.some(isNaN)) return;
        cmds.push({c: m[1], n: n});
      }
      var pts = [];  // every point (end or control), in path order: [command, index of x]
      cmds.forEach(function (cmd) {
        if (cmd.c === "A") {
          for (var k = 5; k < cmd.n.length; k += 7) pts.push([cmd, k]);
        } else {
          for (var i = 0; i < cmd.n.length; i += 2) pts.push([cmd, i]);
        }
      });
      var k = into(path, svg), sides = [];
      lanes.forEach(function (b) {
        var local = mapBox(b, k);
        sides.push(local.x, local.x + local.w);
      });
      var nodes = shapes.map(function (b) { return mapBox(b, k); });
      var changed = false;
      sides.forEach(function (side) {
        var on = function (p) { return Math.abs(p[0].n[p[1]] - side) < 1.5; };
        for (var i = 0; i < pts.length; i++) {
          if (!on(pts[i])) continue;
          var j = i;
          while (j + 1 < pts.length && on(pts[j + 1])) j++;
          var ys = pts.slice(i, j + 1).map(function (p) { return p[0].n[p[1] + 1]; });
          var top = Math.min.apply(null, ys), bottom = Math.max.apply(null, ys);
          if (bottom - top > 8) {
            var before = i > 0 ? pts[i - 1][0].n[pts[i - 1][1]] - side : 0;
            var after = j + 1 < pts.length ? pts[j + 1][0].n[pts[j + 1][1]] - side : 0;
            var lean = Math.sign(Math.sign(before) + Math.sign(after)) || 1;
            var run = pts.slice(i, j + 1);
            var way = [lean, -lean].find(function (sign) {
              var x = side + sign * SIDE;
              return !nodes.some(function (b) {
                return x > b.x + 2 && x < b.x + b.w - 2 && bottom > b.y + 2 && top < b.y + b.h - 2;
              });
            });
            if (way) {
              run.forEach(function (p) { p[0].n[p[1]] += way * SIDE; });
              changed = true;
            }
          }
          i = j;
        }
      });
      if (changed) {
        path.setAttribute("d", cmds.map(function (cmd) {
          return cmd.c + cmd.n.join(" ");
        }).join(" "));
      }
    });
  }

  /* An arrow that leaves a diamond's side corner and runs back across the diamond
   * (Mermaid, when the bottom corner is taken by the other exit and the target stands
   * below: measured once in the corpora) is drawn again: out of the corner, down past the
   * diamond, across to the middle of the target, into its top. Kept only when the new
   * route meets no node. */
  function inShape(box, diamond, p, shrink) {
    var w = box.w / 2 - shrink, h = box.h / 2 - shrink;
    if (w <= 0 || h <= 0) return false;
    var dx = Math.abs(p.x - (box.x + box.w / 2)), dy = Math.abs(p.y - (box.y + box.h / 2));
    return diamond ? dx / w + dy / h < 1 : dx < w && dy < h;
  }
  function offOwnDiamond(svg) {
    var shapes = nodeBoxes(svg);
    svg.querySelectorAll("path.flowchart-link").forEach(function (path) {
      var length = path.getTotalLength();
      if (!length) return;
      var k = into(path, svg);
      var nodes = shapes.map(function (b) {
        return {box: mapBox(b, k), diamond: b.diamond};
      });
      var start = path.getPointAtLength(0), end = path.getPointAtLength(length);
      var near = function (p) {  // the arrowhead's tip stops a few units short
        return function (n) {
          return p.x >= n.box.x - 8 && p.x <= n.box.x + n.box.w + 8 &&
                 p.y >= n.box.y - 8 && p.y <= n.box.y + n.box.h + 8;
        };
      };
      var source = nodes.filter(function (n) { return n.diamond; }).find(near(start));
      var target = nodes.find(near(end));
      if (!source || !target || target === source) return;
      var across = false;
      for (var at = 4; at < length - 4 && !across; at += 2) {
        across = inShape(source.box, true, path.getPointAtLength(at), 4);
      }
      var bottom = source.box.y + source.box.h, top = target.box.y;
      if (!across || top < bottom + 8) return;
      var out = start.x < source.box.x + source.box.w / 2 ? -1 : 1;
      var side = start.x + out * 10, mid = (bottom + top) / 2;
      var tx = target.box.x + target.box.w / 2;
      var tip = top - Math.max(0, Math.min(8, top - end.y));
      var route = [[start.x, start.y], [side, start.y], [side, mid], [tx, mid], [tx, tip]];
      var hits = function (a, b) {
        for (var k = 0; k <= 20; k++) {
          var p = {x: a[0] + (b[0] - a[0]) * k / 20, y: a[1] + (b[1] - a[1]) * k / 20};
          if (nodes.some(function (n) { return inShape(n.box, n.diamond, p, 2); })) {
            return true;
          }
        }
        return false;
      };
      for (var i = 1; i < route.length; i++) if (hits(route[i - 1], route[i])) return;
      path.setAttribute("d", route.map(function (p, k) {
        return (k ? "L" : "M") + p[0] + " " + p[1];
      }).join(" "));
    });
  }

  function place(svg) {
    var root = svg;  // every box in the coordinates of the drawing's SVG
    var nodes = nodeBoxes(svg).map(function (b) { return {box: b, diamond: b.diamond}; });
    var paths = {};
    svg.querySelectorAll("path.flowchart-link").forEach(function (p) {
      if (p.dataset.id) paths[p.dataset.id] = p;
    });
    var labels = [];
    svg.querySelectorAll("g.edgeLabel").forEach(function (g) {
      var match = (g.id || "").match(/(L_[^-]+)$/);
      var fo = g.querySelector("foreignObject");
      if (match && fo && paths[match[1]] && g.textContent.trim()) {
        labels.push({g: g, path: paths[match[1]], id: match[1], box: boxOf(fo, root)});
      }
    });
    var starts = {};
    labels.forEach(function (l) {
      starts[l.id] = l.path.getPointAtLength(0).matrixTransform(
        root.getScreenCTM().inverse().multiply(l.path.getScreenCTM()));
    });
    if (!labels.length) return;
    var exits = Object.keys(starts).map(function (id) { return starts[id]; });
    var lines = Object.keys(paths).filter(function (id) {  // arrows near an exit, sampled
      if (paths[id].classList.contains("edge-thickness-invisible")) return false;
      var b = boxOf(paths[id], root);
      return exits.some(function (p) { return gap(b, p) < NEAR + 60; });
    }).map(function (id) { return {id: id, points: sample(paths[id], root)}; });
    var area = null;  // the lanes' extent: a label beyond it is clipped at the edge
    svg.querySelectorAll("g.cluster.swimlane rect").forEach(function (r) {
      var b = boxOf(r, root);
      if (!area) { area = b; return; }
      var x = Math.min(area.x, b.x), y = Math.min(area.y, b.y);
      area = {x: x, y: y, w: Math.max(area.x + area.w, b.x + b.w) - x,
              h: Math.max(area.y + area.h, b.y + b.h) - y};
    });
    var placed = [];
    labels.forEach(function (label) {
      var own = starts[label.id];
      var others = labels.filter(function (l) { return l !== label; })
        .map(function (l) { return starts[l.id]; }).filter(function (p) {
          return Math.hypot(p.x - own.x, p.y - own.y) > 1;
        });
      var options = candidates(label.path, root, label.box.w, label.box.h);
      var crossing = lines.filter(function (l) { return l.id !== label.id; })
        .map(function (l) { return l.points; });
      var best = null;
      for (var i = 0; i < options.length && !best; i++) {
        var c = options[i], exitGap = gap(c, own);
        if (exitGap > NEAR) continue;
        if (area && (c.x < area.x || c.y < area.y || c.x + c.w > area.x + area.w ||
                     c.y + c.h > area.y + area.h)) continue;
        if (nodes.some(function (n) { return meetsNode(n, c); })) continue;
        if (placed.some(function (b) { return meets(b, c, GAP); })) continue;
        if (others.some(function (p) { return gap(c, p) <= exitGap + 2; })) continue;
        if (crossed(c, crossing)) continue;
        best = c;
      }
      if (!best) { placed.push(label.box); return; }
      var dx = best.x - label.box.x, dy = best.y - label.box.y;
      var m = label.g.parentNode.getScreenCTM().inverse().multiply(root.getScreenCTM());
      var from = new DOMPoint(label.box.x, label.box.y).matrixTransform(m);
      var to = new DOMPoint(label.box.x + dx, label.box.y + dy).matrixTransform(m);
      var t = label.g.transform.baseVal.consolidate();
      var tx = t ? t.matrix.e : 0, ty = t ? t.matrix.f : 0;
      label.g.setAttribute("transform", "translate(" + (tx + to.x - from.x) + ", " +
                           (ty + to.y - from.y) + ")");
      placed.push(best);
    });
  }

  /* The drawing's SVG text with its labels moved: drawn off screen (measured there, the
   * page unchanged), then written back. */
  function relabel(svgText) {
    if (svgText.indexOf("edgeLabel") < 0) return svgText;
    var box = document.createElement("div");
    box.setAttribute("aria-hidden", "true");
    box.style.cssText = "position:absolute;left:-100000px;top:0;width:4000px;visibility:hidden;";
    document.body.appendChild(box);
    try {
      box.innerHTML = svgText;
      var svg = box.querySelector("svg");
      if (!svg || svg.hasAttribute("data-sopgen-placed")) return svgText;
      offOwnDiamond(svg);
      offLaneSides(svg);
      place(svg);
      svg.setAttribute("data-sopgen-placed", "");
      return box.innerHTML;
    } catch (error) {
      return svgText;  // a drawing Mermaid made is never lost to this script
    } finally {
      box.remove();
    }
  }

  var render = window.mermaid.render;
  window.mermaid.render = function () {
    return Promise.resolve(render.apply(this, arguments)).then(function (out) {
      if (out && typeof out.svg === "string") {
        return Object.assign({}, out, {svg: relabel(out.svg)});
      }
      return out;
    });
  };
})();
