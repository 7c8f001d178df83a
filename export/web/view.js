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
  // A disputed relation's WebGL line, faint (it keeps the arrow and the click) under its dashes.
  const kDisputedFaint = "#d4508740";
  const kDeniedColour = "#d62728";
  // Relation kinds (the schema's), in the order of its table, with their colours.
  const kKinds = ["ownership", "control", "role", "personal", "money", "location", "weak", "mention"];
  const kKindColours = {
    ownership: "#3f7f4f",
    control: "#7b5ea7",
    role: "#4f7fae",
    personal: "#b86f4c",
    money: "#a88f1f",
    location: "#8fa3a8",
    weak: "#c4c4c4",
    mention: "#d4d4d4",
  };
  const kRouteColour = "#1f3f99";
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

  function kindOf(e) {
    return relationTypes[e.type].kind || "weak";
  }

  // A relation only denied (kept with --include-denied) has no asserting claim.
  function denied(e) {
    return e.stance === "denied";
  }

  function disputed(e) {
    return e.stance === "disputed";
  }

  function edgeColour(e) {
    if (denied(e)) return kDeniedColour;
    if (disputed(e)) return kDisputedFaint;
    return kKindColours[kindOf(e)] || kEdgeColour;
  }

  function edgeSize(e) {
    const kind = kindOf(e);
    return kind === "weak" || kind === "mention" ? 0.4 : 0.7 + 1.5 * e.confidence;
  }

  // --- filters: which entities and relations are drawn ---

  const filters = {
    hiddenTypes: new Set(),
    hiddenKinds: new Set(),
    minConfidence: 0,
    sources: null, // a Set of source indexes, or null for every source
    month: null, // "yyyy-mm": relations whose validity overlaps that month, or null
  };
  const nodeShown = nodes.map(() => true);
  const edgeShown = edges.map(() => true);

  function validIn(e, month) {
    return (!e.valid_from || e.valid_from <= month + "-31") && (!e.valid_to || e.valid_to >= month + "-01");
  }

  function edgePasses(e) {
    if (!nodeShown[e.source] || !nodeShown[e.target]) return false;
    if (filters.hiddenKinds.has(kindOf(e))) return false;
    if (e.confidence < filters.minConfidence) return false;
    // A source supports a relation by asserting it; a relation only denied is shown by the
    // sources that deny it.
    if (filters.sources) {
      const evidence = e.stance === "denied" ? e.claims : e.claims.filter((c) => c.stance === "asserts");
      if (!evidence.some((c) => filters.sources.has(c.source))) return false;
    }
    if (filters.month && !validIn(e, filters.month)) return false;
    return true;
  }

  function applyFilters() {
    nodes.forEach((n, i) => (nodeShown[i] = !filters.hiddenTypes.has(n.type)));
    let shown = 0;
    edges.forEach((e, k) => {
      edgeShown[k] = edgePasses(e);
      if (edgeShown[k]) ++shown;
    });
    document.getElementById("cg-counts").textContent =
      nodeShown.filter(Boolean).length + " of " + nodes.length + " entities · " + shown + " of " +
      edges.length + " relations";
    if (renderer) renderer.refresh();
  }

  // Entities are sized by their degree in the page, or by the centrality the page was
  // written with (--size-by), relative to the largest score in the page.
  const maxScore = data.size_by
    ? nodes.reduce((m, n) => (n.size_score > m ? n.size_score : m), 0)
    : 0;

  function nodeSize(n) {
    if (data.size_by) return maxScore > 0 ? 3 + 15 * Math.sqrt(Math.max(0, n.size_score) / maxScore) : 3;
    return Math.min(18, 3 + 1.6 * Math.sqrt(n.degree));
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
        size: nodeSize(n),
        color: colourOf(n.type),
        label: n.name,
      });
    });
    edges.forEach((e, i) => {
      graph.addEdgeWithKey("e" + i, String(e.source), String(e.target), {
        size: edgeSize(e),
        color: edgeColour(e),
        type: e.directed && e.source !== e.target ? "arrow" : "line",
      });
    });
    try {
      renderer = new Sigma.Sigma(graph, container, {
        enableEdgeEvents: true,
        labelRenderedSizeThreshold: 7,
        labelDensity: 0.7,
        zIndex: true,
        nodeReducer: (key, attrs) => (nodeShown[Number(key)] ? attrs : { ...attrs, hidden: true }),
        edgeReducer: (key, attrs) =>
          edgeShown[Number(key.slice(1))] ? attrs : { ...attrs, hidden: true },
      });
    } catch (err) {
      renderer = null;
      notice("The graph could not be drawn (" + err + "). Search and the panels still work.");
      return;
    }
    renderer.on("clickNode", (event) => openEntity(Number(event.node), true));
    renderer.on("clickEdge", (event) => openRelation(edges[Number(event.edge.slice(1))].id, true));
    dashes = el("canvas", null, "cg-dashes");
    container.append(dashes);
    renderer.on("afterRender", drawDashes);
    renderer.on("enterNode", () => container.style.setProperty("cursor", "pointer"));
    renderer.on("leaveNode", () => container.style.removeProperty("cursor"));
    renderer.on("enterEdge", () => container.style.setProperty("cursor", "pointer"));
    renderer.on("leaveEdge", () => container.style.removeProperty("cursor"));
  }

  // Sigma draws no dashed line: a disputed relation is drawn faintly by WebGL and dashed here,
  // on a 2D canvas above the graph, after every frame sigma renders.
  let dashes = null;

  function drawDashes() {
    const width = container.clientWidth;
    const height = container.clientHeight;
    const ratio = window.devicePixelRatio || 1;
    if (dashes.width !== Math.round(width * ratio) || dashes.height !== Math.round(height * ratio)) {
      dashes.width = Math.round(width * ratio);
      dashes.height = Math.round(height * ratio);
    }
    const context = dashes.getContext("2d");
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.setLineDash([6, 4]);
    context.strokeStyle = kDisputedColour;
    let count = 0;
    edges.forEach((e, k) => {
      if (!disputed(e) || !edgeShown[k]) return;
      const from = renderer.getNodeDisplayData(String(e.source));
      const to = renderer.getNodeDisplayData(String(e.target));
      if (!from || !to) return;
      const a = renderer.framedGraphToViewport(from);
      const b = renderer.framedGraphToViewport(to);
      context.lineWidth = Math.max(2, edgeSize(e));
      context.beginPath();
      context.moveTo(a.x, a.y);
      context.lineTo(b.x, b.y);
      context.stroke();
      ++count;
    });
    dashes.setAttribute("data-dashed", String(count));
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
        ["relations in view", n.degree],
        [data.size_by || "score", data.size_by ? Number(n.size_score).toPrecision(4) : null],
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
    // Relations grouped by kind, strongest first within a group.
    const groups = new Map();
    for (const k of incident[i]) {
      const name = kindOf(edges[k]);
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(k);
    }
    box.append(el("h3", "Relations (" + incident[i].length + ")"));
    if (incident[i].length === 0) box.append(el("p", "none in this view", "cg-muted"));
    for (const name of kKinds.filter((kind) => groups.has(kind))) {
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
          el("span", " · " + e.confidence + (denied(e) ? " · denied" : e.disputed ? " · disputed" : ""), "cg-muted")
        );
        if (e.share) li.append(el("span", " · " + shareText(e.share), "cg-muted"));
        ul.append(li);
      }
      box.append(ul);
    }
    const rows = data.figures ? data.figures.rows.filter((row) => row.some((c) => c.node === i)) : [];
    if (rows.length > 0) {
      box.append(el("h3", "In the result of " + data.figures.query));
      for (const row of rows) box.append(definitionList(row.map((c, k) => [data.figures.columns[k], c.text])));
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
        ["kind", kindOf(e)],
        ["stance", denied(e) ? "denied only: no claim asserts it" : e.disputed ? "disputed" : "asserted"],
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

  // --- a query's result ---

  let marked = [];

  function markRoute(route) {
    if (!renderer) return;
    for (const k of marked) graph.setEdgeAttribute("e" + k, "color", edgeColour(edges[k]));
    marked = route.slice();
    for (const k of marked) {
      graph.setEdgeAttribute("e" + k, "color", kRouteColour);
      graph.setEdgeAttribute("e" + k, "zIndex", 1);
    }
  }

  function openRoute(cell) {
    const box = document.createDocumentFragment();
    box.append(el("h2", cell.text));
    const ol = el("ol");
    for (const k of cell.route) {
      const e = edges[k];
      const li = el("li");
      li.append(entityButton(e.source), document.createTextNode(" "),
                button(relationTypes[e.type].label, () => openRelation(e.id, true)),
                document.createTextNode(" "), entityButton(e.target),
                el("span", " · " + e.confidence + (e.disputed ? " · disputed" : ""), "cg-muted"));
      ol.append(li);
    }
    box.append(ol);
    panel.replaceChildren(box);
    markRoute(cell.route);
  }

  function openResult() {
    const f = data.figures;
    const box = document.createDocumentFragment();
    box.append(el("h2", "Result of " + f.query));
    for (const note of f.notes) box.append(el("p", note, "cg-muted"));
    const table = el("table", null, "cg-figures");
    const head = el("tr");
    for (const c of f.columns) head.append(el("th", c));
    table.append(head);
    for (const row of f.rows) {
      const tr = el("tr");
      for (const cell of row) {
        const td = el("td");
        if (cell.node !== null) td.append(entityButton(cell.node));
        else if (cell.route.length > 0) td.append(button(cell.text, () => openRoute(cell)));
        else td.textContent = cell.text;
        tr.append(td);
      }
      table.append(tr);
    }
    if (f.rows.length === 0) box.append(el("p", "no rows", "cg-muted"));
    box.append(table);
    panel.replaceChildren(box);
    panel.scrollTop = 0;
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
    } else if (data.figures) {
      openResult();
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
  if (data.figures) {
    const show = button("Result", openResult);
    show.setAttribute("id", "cg-show-result");
    document.getElementById("cg-header").append(show);
  }
  document.getElementById("cg-counts").textContent =
    nodes.length + " entities · " + edges.length + " relations";
  // The legend doubles as the type and kind filters: untick an entry to hide it.
  const legend = document.getElementById("cg-legend");

  function legendEntry(colour, text, onToggle, line) {
    const label = el("label", null, "cg-entry");
    const box = el("input");
    box.setAttribute("type", "checkbox");
    box.checked = true;
    if (onToggle) box.addEventListener("change", () => onToggle(box.checked));
    else box.disabled = true;
    const swatch = el("span", null, line ? "cg-swatch cg-line" : "cg-swatch");
    swatch.style.setProperty("background", colour);
    label.append(box, swatch, document.createTextNode(text));
    return label;
  }

  function toggler(set, value) {
    return (checked) => {
      if (checked) set.delete(value);
      else set.add(value);
      applyFilters();
    };
  }

  const typeCounts = new Map();
  for (const n of nodes) typeCounts.set(n.type, (typeCounts.get(n.type) || 0) + 1);
  const typeRow = el("div", null, "cg-row");
  typeRow.append(el("span", "Entities", "cg-muted"));
  for (const t of Array.from(typeCounts.keys()).sort((a, b) => a - b)) {
    typeRow.append(legendEntry(colourOf(t), typeLabel(t) + " (" + typeCounts.get(t) + ")",
                               toggler(filters.hiddenTypes, t)));
  }
  typeRow.append(
    el("span", "size: " + (data.size_by ? data.size_by + " (whole graph)" : "degree"), "cg-muted cg-size-by")
  );
  legend.append(typeRow);

  const kindCounts = new Map();
  for (const e of edges) kindCounts.set(kindOf(e), (kindCounts.get(kindOf(e)) || 0) + 1);
  const kindRow = el("div", null, "cg-row");
  kindRow.append(el("span", "Relations", "cg-muted"));
  for (const kind of kKinds.filter((k) => kindCounts.has(k))) {
    kindRow.append(legendEntry(kKindColours[kind], kind + " (" + kindCounts.get(kind) + ")",
                               toggler(filters.hiddenKinds, kind), true));
  }
  if (edges.some(disputed)) {
    kindRow.append(legendEntry(kDisputedColour, "disputed (dashed)", null, true));
  }
  if (edges.some(denied)) kindRow.append(legendEntry(kDeniedColour, "denied only", null, true));
  legend.append(kindRow);

  // Minimum confidence, sources and a month slider over the relations' validity.
  const controls = el("div", null, "cg-row");
  const confidence = el("input");
  confidence.setAttribute("type", "range");
  confidence.setAttribute("min", "0");
  confidence.setAttribute("max", "1");
  confidence.setAttribute("step", "0.05");
  confidence.setAttribute("id", "cg-min-confidence");
  confidence.value = "0";
  const confidenceText = el("span", "0");
  confidence.addEventListener("input", () => {
    filters.minConfidence = Number(confidence.value);
    confidenceText.textContent = confidence.value;
    applyFilters();
  });
  const confidenceLabel = el("label", "min confidence ");
  confidenceLabel.append(confidence, confidenceText);
  controls.append(confidenceLabel);

  if (sources.length > 1) {
    const details = el("details", null, "cg-sources");
    details.append(el("summary", "sources (" + sources.length + ")"));
    const chosen = new Set(sources.map((_, k) => k));
    sources.forEach((source, k) => {
      const label = el("label");
      const box = el("input");
      box.setAttribute("type", "checkbox");
      box.checked = true;
      box.addEventListener("change", () => {
        if (box.checked) chosen.add(k);
        else chosen.delete(k);
        filters.sources = chosen.size === sources.length ? null : chosen;
        applyFilters();
      });
      label.append(box, document.createTextNode(source.title || source.id));
      details.append(label);
    });
    controls.append(details);
  }

  const months = [];
  for (const e of edges) {
    for (const d of [e.valid_from, e.valid_to]) if (d) months.push(d.slice(0, 7));
  }
  if (months.length > 0) {
    months.sort();
    const first = months[0];
    const last = months[months.length - 1];
    const monthIndex = (m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
    const monthText = (k) => String(Math.floor(k / 12)).padStart(4, "0") + "-" + String((k % 12) + 1).padStart(2, "0");
    const label = el("label", null, "cg-time");
    const on = el("input");
    on.setAttribute("type", "checkbox");
    on.setAttribute("id", "cg-time-on");
    const slider = el("input");
    slider.setAttribute("type", "range");
    slider.setAttribute("id", "cg-time");
    slider.setAttribute("min", String(monthIndex(first)));
    slider.setAttribute("max", String(monthIndex(last)));
    slider.setAttribute("step", "1");
    slider.value = String(monthIndex(last));
    slider.disabled = true;
    const shown = el("span", "any time");
    const update = () => {
      slider.disabled = !on.checked;
      filters.month = on.checked ? monthText(Number(slider.value)) : null;
      shown.textContent = filters.month || "any time";
      applyFilters();
    };
    on.addEventListener("change", update);
    slider.addEventListener("input", update);
    label.append(on, document.createTextNode(" valid in "), slider, shown);
    controls.append(label);
  }
  legend.append(controls);

  draw();
  window.addEventListener("hashchange", openFromHash);
  openFromHash();
  // Ready once sigma has drawn: its refresh() renders at once (then emits "afterRender"), so
  // the graph is on the canvas when it returns. Waiting for animation frames instead left
  // data-ready unset when a busy headless Chromium dumped the page before its next frame.
  // For scripts and tests (docs/view.md): the drawing, and the relations the filters leave.
  window.claimgraphView = Object.freeze({
    graph: () => graph,
    renderer: () => renderer,
    shownRelations: () => edges.filter((_, k) => edgeShown[k]).map((e) => e.id),
  });
  if (renderer) renderer.refresh();
  document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  document.body.setAttribute("data-ready", "true");
})();
