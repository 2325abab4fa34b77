/* Event markers built in the browser from one JSON table (see webapp/map_layer.py).
 *
 * geoEventLayer.init(map, {table, bounds, tiles, outline})  once per map: legend, background, first view
 * geoEventLayer.show(featureGroup, {table, mask, shown, token, focus})  per filter
 *
 * Article text reaches the page only through textContent and text nodes, never
 * innerHTML, so markup inside an article stays visible text.
 * The map container carries data-geo-state ("loading"/"ready"), data-geo-token
 * and data-geo-shown, so tests and benchmarks can tell when a filter is drawn,
 * and data-geo-outline (countries drawn) once the country outlines are there.
 */
(function () {
  "use strict";
  var tables = {};
  var icons = {};
  var generation = 0;
  var SAFE_ICON = /^fa-[a-z0-9-]+$/;
  var SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;

  function loadTable(url) {
    if (!tables[url]) {
      tables[url] = fetch(url, { credentials: "same-origin" }).then(function (reply) {
        if (!reply.ok) { throw new Error("event table " + url + ": HTTP " + reply.status); }
        return reply.json();
      });
    }
    return tables[url];
  }

  function bitReader(b64) {
    var raw = atob(b64 || "");
    return function (i) { return (raw.charCodeAt(i >> 3) >> (i & 7)) & 1; };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function style(table, cat) {
    var found = table.categories[cat] || table.categories[table.categories.length - 1];
    return {
      label: found.label,
      color: SAFE_COLOR.test(found.color) ? found.color : "#6b7280",
      icon: SAFE_ICON.test(found.icon) ? found.icon : "fa-circle"
    };
  }

  function markerHtml(s) {
    return '<span class="geo-icon" style="--geo-color:' + s.color + '"><span class="geo-halo"></span>' +
      '<span class="geo-pin"><i class="fa-solid ' + s.icon + '"></i></span></span>';
  }

  function icon(table, cat, prec) {
    var key = cat + ":" + prec;
    if (!icons[key]) {
      var s = style(table, cat);
      icons[key] = L.divIcon({
        className: "geo-marker geo-prec-" + prec, html: markerHtml(s),
        iconSize: [26, 26], iconAnchor: [13, 13], popupAnchor: [0, -12]
      });
    }
    return icons[key];
  }

  function str(table, column, i) { return table.strings[table[column][i]] || ""; }

  function fact(list, label, value) {
    list.appendChild(el("dt", null, label));
    list.appendChild(el("dd", null, value));
    return list.lastChild;
  }

  function quoted(text, mark) {
    var quote = el("blockquote", "geo-sentence");
    if (mark && mark[0] >= 0 && mark[1] <= text.length && mark[0] < mark[1]) {
      quote.appendChild(document.createTextNode(text.slice(0, mark[0])));
      quote.appendChild(el("mark", null, text.slice(mark[0], mark[1])));
      quote.appendChild(document.createTextNode(text.slice(mark[1])));
    } else {
      quote.textContent = text;
    }
    return quote;
  }

  // Every sentence the event was built from, each under what it gave ("the site, the date").
  function sentences(table, i) {
    var box = el("div", "geo-evidence");
    table.evidence[i].forEach(function (line) {
      var gave = table.strings[line[1]] || "";
      if (gave) { box.appendChild(el("div", "geo-gave", "From this sentence: " + gave)); }
      box.appendChild(quoted(table.strings[line[0]] || "", line[2]));
    });
    return box;
  }

  function popup(table, i) {
    var s = style(table, table.cat[i]);
    var box = el("div", "geo-popup");
    box.setAttribute("data-event-id", String(table.id[i]));
    var head = el("div", "geo-head");
    var badge = el("span", "geo-badge", s.label);
    badge.style.background = s.color;
    head.appendChild(badge);
    head.appendChild(el("span", "geo-type", str(table, "type", i)));
    box.appendChild(head);
    var facts = el("dl");
    fact(facts, "When", str(table, "when", i));
    var where = fact(facts, "Where", str(table, "where", i));
    var written = str(table, "written", i);
    if (written) { where.appendChild(el("span", "geo-muted", " (written \u201c" + written + "\u201d)")); }
    fact(facts, "Actors", str(table, "actors", i));
    fact(facts, "Fatalities", str(table, "fatalities", i));
    var source = fact(facts, "Source", str(table, "outlet", i) + ": ");
    var url = str(table, "url", i);
    var title = str(table, "title", i);
    if (/^https?:\/\//i.test(url)) {
      var link = el("a", null, title);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      source.appendChild(link);
    } else {
      source.appendChild(document.createTextNode(title));
    }
    var published = str(table, "published", i);
    if (published) { source.appendChild(document.createTextNode(" (" + published + ")")); }
    box.appendChild(facts);
    box.appendChild(sentences(table, i));
    var foot = el("div", "geo-muted", "Event #" + table.id[i]);
    if (table.corrected[i]) { foot.appendChild(el("span", "geo-corrected", " \u00b7 corrected by hand")); }
    box.appendChild(foot);
    return box;
  }

  function legendRow(title, samples) {
    var row = el("div", "geo-legend-row");
    row.appendChild(el("span", "geo-legend-title", title));
    samples.forEach(function (sample) {
      var item = el("span", "geo-legend-item");
      var icon = el("span", "geo-marker geo-prec-" + sample.prec + " geo-legend-sample");
      icon.innerHTML = markerHtml(sample.style);  // our own constants, checked by style()
      item.appendChild(icon);
      item.appendChild(el("span", null, sample.label));
      row.appendChild(item);
    });
    return row;
  }

  function legend(map, table) {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = el("div", "geo-legend leaflet-bar");
      box.appendChild(legendRow("Category", table.categories.map(function (c, cat) {
        return { prec: 1, style: style(table, cat), label: style(table, cat).label };
      })));
      var neutral = { color: "#6b7280", icon: "fa-location-dot" };
      box.appendChild(legendRow("Location", [1, 2, 3].map(function (prec) {
        return { prec: prec, style: neutral, label: table.precision_legend[String(prec)] || "" };
      })));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    control.addTo(map);
  }

  function graticule(map) {
    var lines = [];
    for (var lat = -80; lat <= 80; lat += 10) { lines.push([[lat, -180], [lat, 180]]); }
    for (var lon = -180; lon <= 180; lon += 10) { lines.push([[-85, lon], [85, lon]]); }
    L.polyline(lines, { color: "#cbd5e1", weight: 1, interactive: false }).addTo(map);
  }

  var SVG_NS = "http://www.w3.org/2000/svg";

  // Country outlines under everything else (no tiles): not clickable, not in any fit;
  // the country's name shows on hover as a plain SVG <title> (text only).
  function outlines(map, url) {
    var pane = map.createPane("geoOutline");
    pane.style.zIndex = 350;  // above tiles (200), below the grid and markers (400, 600)
    fetch(url, { credentials: "same-origin" }).then(function (reply) {
      if (!reply.ok) { throw new Error("outlines " + url + ": HTTP " + reply.status); }
      return reply.json();
    }).then(function (world) {
      var layer = L.geoJSON(world, {
        pane: "geoOutline", interactive: false, renderer: L.svg({ pane: "geoOutline", padding: 0.5 }),
        style: { color: "#9aa5b1", weight: 0.8, opacity: 1, fillColor: "#fbfaf6", fillOpacity: 1 }
      }).addTo(map);
      var drawn = 0;
      layer.eachLayer(function (country) {
        var name = country.feature && country.feature.properties && country.feature.properties.name;
        if (country._path && name) {
          country._path.appendChild(document.createElementNS(SVG_NS, "title")).textContent = String(name);
        }
        drawn++;
      });
      map.getContainer().setAttribute("data-geo-outline", String(drawn));
    }).catch(function (error) {
      map.getContainer().setAttribute("data-geo-error", String(error));
      console.error(error);
    });
  }

  function fitPadding(map) {
    // keep fitted markers clear of the legend and scale at the bottom
    var corner = map.getContainer().querySelector(".leaflet-bottom.leaflet-left");
    var bottom = corner ? corner.offsetHeight + 20 : 30;
    return { paddingTopLeft: [30, 30], paddingBottomRight: [30, bottom], maxZoom: 8 };
  }

  function setState(map, state, token, shown) {
    var box = map.getContainer();
    box.setAttribute("data-geo-state", state);
    if (token !== undefined) { box.setAttribute("data-geo-token", token); }
    if (shown !== undefined) { box.setAttribute("data-geo-shown", String(shown)); }
  }

  function init(map, options) {
    var box = map.getContainer();
    box.classList.add(options.tiles ? "geo-tiles" : "geo-no-tiles");
    if (!options.tiles) {
      if (options.outline) { outlines(map, options.outline); }
      graticule(map);
    }
    if (options.bounds) { map.fitBounds(options.bounds, { padding: [30, 30], maxZoom: 8 }); }
    setState(map, "loading");
    loadTable(options.table).then(function (table) { legend(map, table); }).catch(function (error) {
      box.setAttribute("data-geo-error", String(error));
      console.error(error);
    });
  }

  function show(group, spec) {
    var mine = ++generation;
    var began = performance.now();
    var map = group._map || window.map;
    if (map) { setState(map, "loading"); }
    loadTable(spec.table).then(function (table) {
      if (mine !== generation) { return; }
      map = group._map || window.map;
      var visible = bitReader(spec.mask);
      var markers = [];
      var focused = null;
      var adding = false;
      var finished = false;
      var cluster = L.markerClusterGroup({
        chunkedLoading: true, maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
        chunkProgress: function (done, total) {
          // called before the cluster recomputes its bounds: finish on the next tick
          if (adding && done === total && mine === generation) { setTimeout(finish, 0); }
        }
      });
      for (var i = 0; i < table.rows; i++) {
        if (!visible(i)) { continue; }
        var marker = L.marker([table.lat[i], table.lon[i]], {
          icon: icon(table, table.cat[i], table.prec[i]), title: str(table, "where", i), riseOnHover: true
        });
        marker.feature = { type: "Feature", properties: { id: table.id[i] } };
        marker.bindPopup((function (row) { return function () { return popup(table, row); }; })(i),
          { maxWidth: 380, minWidth: 260, autoPanPadding: [20, 20] });
        if (spec.focus !== null && table.id[i] === spec.focus) { focused = marker; }
        markers.push(marker);
      }
      function finish() {
        if (finished) { return; }
        finished = true;
        map.invalidateSize();  // the component may have resized its frame since the map was made
        if (markers.length) {
          var bounds = L.latLngBounds(markers.map(function (m) { return m.getLatLng(); }));
          map.fitBounds(bounds, fitPadding(map));
        }
        if (focused) { cluster.zoomToShowLayer(focused, function () { focused.openPopup(); }); }
        setState(map, "ready", spec.token, markers.length);
        map.getContainer().setAttribute("data-geo-build-ms", String(Math.round(performance.now() - began)));
      }
      group.addLayer(cluster);
      if (markers.length) {
        adding = true;
        cluster.addLayers(markers);
      } else {
        finish();
      }
    }).catch(function (error) {
      if (map) { map.getContainer().setAttribute("data-geo-error", String(error)); }
      console.error(error);
    });
  }

  window.geoEventLayer = { init: init, show: show };
})();
