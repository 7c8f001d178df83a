// SPDX-License-Identifier: MIT
// claimgraph's HTML view (docs/view.md): draws the embedded graph with sigma.js, and shows an
// entity's or a relation's evidence in the side panel. Every text from the data enters the
// page through textContent or setAttribute, never as markup; only http(s) URLs become links.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("cg-data").textContent);
  const nodes = data.nodes;
  const edges = data.edges;
  const entityTypes = data.entity_types;
  const relationTypes = data.relation_types;
  const sources = data.sources;
  const kFallbackColour = "#8a8a8a";
  const kEdgeColour = "#b8b8b8";
  const kDisputedColour = "#d45087";
  const kMaxResults = 20;

  // --- small DOM helpers: text only ---

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }

  function safeUrl(url) {
    if (typeof url !== "string" || url === "") return null;
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function externalLink(text, url) {
    const href = safeUrl(url);
    if (!href) return el("span", text);
    const a = el("a", text);
    a.setAttribute("href", href);
    a.setAttribute("rel", "noopener noreferrer");
    a.setAttribute("target", "_blank");
    return a;
  }

  function button(text, onClick) {
    const b = el("button", text, "cg-link");
    b.setAttribute("type", "button");
    b.addEventListener("click", onClick);
    return b;
  }

  function colourOf(typeIndex) {
    const t = entityTypes[typeIndex];
    return (t && t.color) || kFallbackColour;
  }

  function typeLabel(typeIndex) {
    const t = entityTypes[typeIndex];
    return t ? t.label : "?";
  }

  function percent(x) {
    return Math.round(x * 100) / 100 + "%";
  }

  function shareText(share) {
    if (!share) return null;
    return share[0] === share[1] ? percent(share[0]) : percent(share[0]) + "–" + percent(share[1]);
  }

  function definitionList(rows) {
    const dl = el("dl");
    for (const [term, value] of rows) {
      if (value === null || value === undefined || value === "") continue;
      dl.append(el("dt", term));
      const dd = el("dd");
      if (value instanceof Node) dd.append(value);
      else dd.textContent = String(value);
      dl.append(dd);
    }
    return dl;
  }

  // --- indexes ---

  const nodeByKey = new Map();
  const nodeByEntityId = new Map();
  nodes.forEach((n, i) => {
    nodeByKey.set(n.id, i);
    nodeByEntityId.set(String(n.entity_id), i);
  });
  const edgeById = new Map();
  const incident = nodes.map(() => []);
  edges.forEach((e, i) => {
    edgeById.set(String(e.id), i);
    incident[e.source].push(i);
    if (e.target !== e.source) incident[e.target].push(i);
  });
  const searchText = nodes.map((n) =>
    [n.name, n.id]
      .concat(n.aliases, n.identifiers.map((p) => p[1]))
      .join("\u0000")
      .toLowerCase()
  );

  // --- drawing ---

  const container = document.getElementById("cg-graph");
  let renderer = null;
  let graph = null;
  let selectedNode = null;

  function nodeSize(degree) {
    return Math.min(18, 3 + 1.6 * Math.sqrt(degree));
  }

  function webglAvailable() {
    try {
      const canvas = document.createElement("canvas");
      return !!(canvas.getContext("webgl2") || canvas.getContext("webgl"));
    } catch (e) {
      return false;
    }
  }

  function notice(text) {
    container.replaceChildren(el("div", text, "cg-notice"));
  }

  function draw() {
    if (nodes.length === 0) {
      notice("This view holds no entities.");
      return;
    }
    if (!webglAvailable()) {
      notice(
        "WebGL is not available in this browser, so the graph is not drawn. " +
          "Search, the panels and links to entities and relations still work."
      );
      return;
    }
    graph = new graphology.MultiGraph();
    nodes.forEach((n, i) => {
      graph.addNode(String(i), {
        x: n.x,
        y: -n.y,
        size: nodeSize(n.degree),
        color: colourOf(n.type),
        label: n.name,
      });
    });
    edges.forEach((e, i) => {
      graph.addEdgeWithKey("e" + i, String(e.source), String(e.target), {
        size: 0.5 + 1.5 * e.confidence,
        color: e.disputed ? kDisputedColour : kEdgeColour,
        type: e.directed && e.source !== e.target ? "arrow" : "line",
      });
    });
    try {
      renderer = new Sigma.Sigma(graph, container, {
        enableEdgeEvents: true,
        labelRenderedSizeThreshold: 7,
        labelDensity: 0.7,
        zIndex: true,
      });
    } catch (err) {
      renderer = null;
      notice("The graph could not be drawn (" + err + "). Search and the panels still work.");
      return;
    }
    renderer.on("clickNode", (event) => openEntity(Number(event.node), true));
    renderer.on("clickEdge", (event) => openRelation(edges[Number(event.edge.slice(1))].id, true));
    renderer.on("enterNode", () => container.style.setProperty("cursor", "pointer"));
    renderer.on("leaveNode", () => container.style.removeProperty("cursor"));
    renderer.on("enterEdge", () => container.style.setProperty("cursor", "pointer"));
    renderer.on("leaveEdge", () => container.style.removeProperty("cursor"));
  }

  function focusNode(i) {
    if (!renderer) return;
    if (selectedNode !== null) graph.setNodeAttribute(String(selectedNode), "highlighted", false);
    selectedNode = i;
    graph.setNodeAttribute(String(i), "highlighted", true);
    const display = renderer.getNodeDisplayData(String(i));
    if (display) {
      renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 300 });
    }
  }

  // --- panels ---

  const panel = document.getElementById("cg-panel");

  function setHash(text) {
    try {
      history.replaceState(null, "", "#" + text);
    } catch (e) {
      // Some browsers refuse to change the address of a file:// page; the panel still opens.
    }
  }

  function entityButton(i) {
    return button(nodes[i].name, () => openEntity(i, true));
  }

  function relationLabel(e, fromNode) {
    const type = relationTypes[e.type];
    if (!e.directed || e.source === fromNode) return type.label;
    return type.inverse_label || type.label + " (of)";
  }

  function openEntity(i, fromClick) {
    const n = nodes[i];
    const box = document.createDocumentFragment();
    const title = el("h2");
    const swatch = el("span", null, "cg-swatch");
    swatch.style.setProperty("background", colourOf(n.type));
    title.append(swatch, document.createTextNode(n.name));
    box.append(title);
    box.append(
      definitionList([
        ["type", typeLabel(n.type)],
        ["id", n.id],
        ["confidence", n.confidence],
        ["disputed", n.disputed ? "a claim naming it is a denial" : null],
      ])
    );
    if (n.aliases.length > 0) {
      box.append(el("h3", "Also known as"));
      const ul = el("ul");
      for (const a of n.aliases) ul.append(el("li", a));
      box.append(ul);
    }
    if (n.identifiers.length > 0) {
      box.append(el("h3", "Identifiers"));
      box.append(definitionList(n.identifiers));
    }
    if (n.properties.length > 0) {
      box.append(el("h3", "Properties"));
      box.append(definitionList(n.properties));
    }
    // Relations grouped by type, strongest first within a group.
    const groups = new Map();
    for (const k of incident[i]) {
      const name = relationTypes[edges[k].type].name;
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(k);
    }
    box.append(el("h3", "Relations (" + incident[i].length + ")"));
    if (incident[i].length === 0) box.append(el("p", "none in this view", "cg-muted"));
    for (const name of Array.from(groups.keys()).sort()) {
      const list = groups.get(name);
      list.sort((a, b) => edges[b].confidence - edges[a].confidence || edges[a].id - edges[b].id);
      box.append(el("h3", name));
      const ul = el("ul");
      for (const k of list) {
        const e = edges[k];
        const other = e.source === i ? e.target : e.source;
        const li = el("li");
        li.append(
          button(relationLabel(e, i), () => openRelation(e.id, true)),
          document.createTextNode(" "),
          entityButton(other),
          el("span", " · " + e.confidence + (e.disputed ? " · disputed" : ""), "cg-muted")
        );
        if (e.share) li.append(el("span", " · " + shareText(e.share), "cg-muted"));
        ul.append(li);
      }
      box.append(ul);
    }
    panel.replaceChildren(box);
    panel.scrollTop = 0;
    if (fromClick) setHash("entity=" + encodeURIComponent(n.id));
    focusNode(i);
  }

  function claimBlock(c) {
    const div = el("div", null, "cg-claim");
    const head = el("div");
    head.append(el("span", c.stance, c.stance === "denies" ? "cg-stance cg-denies" : "cg-stance"));
    head.append(el("span", " confidence " + c.confidence, "cg-muted"));
    div.append(head);
    if (c.quote) div.append(el("blockquote", c.quote));
    const source = sources[c.source] || {};
    // What the claim adds (role, relationship, note, amount, currency, purpose), as pairs.
    const attributes =
      c.attributes.length > 0 ? c.attributes.map((p) => p[0] + ": " + p[1]).join("; ") : null;
    div.append(
      definitionList([
        ["source", externalLink(source.title || source.id || "?", source.url)],
        ["publisher", source.publisher],
        ["published", source.published],
        ["valid", c.valid_from || c.valid_to ? (c.valid_from || "…") + " to " + (c.valid_to || "…") : null],
        ["attributes", attributes],
        ["claim id", c.id],
      ])
    );
    return div;
  }

  function openRelation(id, fromClick) {
    const k = edgeById.get(String(id));
    if (k === undefined) {
      panel.replaceChildren(el("p", "No relation " + id + " in this view.", "cg-muted"));
      return;
    }
    const e = edges[k];
    const type = relationTypes[e.type];
    const box = document.createDocumentFragment();
    const title = el("h2");
    title.append(entityButton(e.source), document.createTextNode(" " + type.label + " "),
                 entityButton(e.target));
    box.append(title);
    box.append(
      definitionList([
        ["relation", type.name + " #" + e.id],
        ["confidence", e.confidence],
        ["claims asserting", e.support],
        ["disputed", e.disputed ? "yes: a claim denies it" : null],
        ["share", shareText(e.share)],
        ["valid from", e.valid_from],
        ["valid to", e.valid_to],
      ])
    );
    box.append(el("h3", "Claims (" + e.claims.length + ")"));
    for (const c of e.claims) box.append(claimBlock(c));
    panel.replaceChildren(box);
    panel.scrollTop = 0;
    if (fromClick) setHash("relation=" + encodeURIComponent(String(e.id)));
    if (renderer) focusNode(e.source);
  }

  function openFromHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    const entity = params.get("entity");
    const relation = params.get("relation");
    if (entity !== null) {
      let i = nodeByKey.get(entity);
      if (i === undefined) i = nodeByEntityId.get(entity);
      if (i === undefined) panel.replaceChildren(el("p", "No entity " + entity + " in this view.", "cg-muted"));
      else openEntity(i, false);
    } else if (relation !== null) {
      openRelation(relation, false);
    } else if (data.focus !== null && nodeByKey.has(data.focus)) {
      openEntity(nodeByKey.get(data.focus), false);
    }
  }

  // --- search ---

  const search = document.getElementById("cg-search");
  const results = document.getElementById("cg-results");
  let matches = [];

  function showResults() {
    const q = search.value.trim().toLowerCase();
    matches = [];
    if (q !== "") {
      for (let i = 0; i < nodes.length && matches.length < kMaxResults; ++i) {
        if (searchText[i].includes(q)) matches.push(i);
      }
    }
    results.replaceChildren();
    for (const i of matches) {
      const li = el("li");
      const swatch = el("span", null, "cg-swatch");
      swatch.style.setProperty("background", colourOf(nodes[i].type));
      li.append(swatch, document.createTextNode(nodes[i].name),
                el("span", " · " + typeLabel(nodes[i].type), "cg-muted"));
      li.addEventListener("click", () => choose(i));
      results.append(li);
    }
    if (q !== "" && matches.length === 0) results.append(el("li", "no match", "cg-muted"));
    results.hidden = q === "";
  }

  function choose(i) {
    results.hidden = true;
    openEntity(i, true);
  }

  search.addEventListener("input", showResults);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && matches.length > 0) choose(matches[0]);
    if (event.key === "Escape") results.hidden = true;
  });

  // --- header and legend ---

  document.getElementById("cg-title").textContent = data.title;
  document.getElementById("cg-counts").textContent =
    nodes.length + " entities · " + edges.length + " relations";
  const legend = document.getElementById("cg-legend");
  const typeCounts = new Map();
  for (const n of nodes) typeCounts.set(n.type, (typeCounts.get(n.type) || 0) + 1);
  for (const t of Array.from(typeCounts.keys()).sort((a, b) => a - b)) {
    const item = el("span");
    const swatch = el("span", null, "cg-swatch");
    swatch.style.setProperty("background", colourOf(t));
    item.append(swatch, document.createTextNode(typeLabel(t) + " (" + typeCounts.get(t) + ")"));
    legend.append(item);
  }
  if (edges.some((e) => e.disputed)) {
    const item = el("span");
    const swatch = el("span", null, "cg-swatch");
    swatch.style.setProperty("background", kDisputedColour);
    item.append(swatch, document.createTextNode("disputed relation"));
    legend.append(item);
  }

  draw();
  window.addEventListener("hashchange", openFromHash);
  openFromHash();
  // Ready once sigma has drawn: its refresh() renders at once (then emits "afterRender"), so
  // the graph is on the canvas when it returns. Waiting for animation frames instead left
  // data-ready unset when a busy headless Chromium dumped the page before its next frame.
  if (renderer) renderer.refresh();
  document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  document.body.setAttribute("data-ready", "true");
})();
