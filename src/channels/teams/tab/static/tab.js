// The personal tab in the browser: starts the Teams library, signs in silently with
// Teams SSO (getAuthToken), and shows what /api/tab/* returns. Every text comes from
// the locale files (embedded by the server as #jd-strings); the DOM is built with
// textContent only, so nothing from the server is ever parsed as HTML.
(function () {
  "use strict";
  const all = JSON.parse(document.getElementById("jd-strings").textContent || "{}");
  let s = all.nb || {};
  let token = null;
  const root = document.getElementById("app");

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }

  function clear() {
    while (root.firstChild) root.removeChild(root.firstChild);
  }

  function showError(key) {
    clear();
    root.appendChild(el("p", { className: "error", role: "alert", "data-error": key, text: (s.errors && s.errors[key]) || key }));
  }

  function localeOf(tag) {
    const base = String(tag || "").toLowerCase().split(/[-_]/)[0];
    const alias = { no: "nb", nob: "nb", nno: "nn", swe: "sv", dan: "da", eng: "en" };
    const code = alias[base] || base;
    return all[code] ? code : "nb";
  }

  function applyTheme(theme) {
    document.body.classList.toggle("dark", theme === "dark");
    document.body.classList.toggle("contrast", theme === "contrast");
  }

  function fields(list) {
    const dl = el("dl");
    for (const f of list) {
      dl.appendChild(el("dt", { text: f.label }));
      dl.appendChild(el("dd", { text: f.value }));
    }
    return dl;
  }

  /** The chat's channel-neutral blocks, read-only (no buttons or inputs in the tab). */
  function blocks(list) {
    const out = [];
    for (const b of list) {
      if (b.kind === "text") {
        if (b.style === "heading") out.push(el("h3", { text: b.text }));
        else out.push(el("p", { className: b.style && b.style !== "normal" ? b.style : "", text: b.text }));
      } else if (b.kind === "fields") out.push(fields(b.fields));
      else if (b.kind === "divider") out.push(el("hr"));
    }
    return out;
  }

  function planSection(plan, subjectId) {
    const section = el("section", { id: "plan" });
    section.appendChild(el("h2", { text: s.plan }));
    if (!plan) {
      section.appendChild(el("p", { className: "muted", text: s.noPlan }));
      return section;
    }
    section.appendChild(el("h3", { text: plan.view.title }));
    section.appendChild(el("p", { className: "muted", "data-plan-status": plan.reviewStatus, text: plan.view.statusLine }));
    section.appendChild(fields(plan.view.meta));
    section.appendChild(
      el("p", {}, [el("button", { type: "button", id: "pdf", "data-employee": subjectId, text: s.pdf, onclick: () => downloadPdf(plan.pdf) })]),
    );
    for (const part of plan.view.sections) {
      section.appendChild(el("h3", { text: part.heading }));
      const list = el("ul");
      for (const item of part.items) {
        if (item.kind === "value") section.appendChild(fields([{ label: item.label, value: item.value }]));
        else if (item.kind === "voices") section.appendChild(fields([{ label: item.label, value: item.voices.map((v) => v.who + ": " + v.text).join("\n") }]));
        else if (item.kind === "paragraph") section.appendChild(el("p", { className: item.style || "", text: item.text }));
        else if (item.kind === "task") list.appendChild(el("li", { text: [item.summary, item.note, item.otherView].filter(Boolean).join("\n") }));
        else if (item.kind === "measure")
          list.appendChild(el("li", { className: "measure", text: [item.title, item.owner, item.due, item.status].filter(Boolean).join(" · ") }));
      }
      if (list.childNodes.length > 0) section.appendChild(list);
    }
    section.appendChild(el("p", { className: "muted", text: s.readOnly }));
    return section;
  }

  function render(view) {
    clear();
    document.title = s.title;
    root.appendChild(el("h1", { id: "subject", text: view.subject.self ? s.case : view.subject.name }));
    root.appendChild(el("p", { className: "muted", text: s.signedInAs.replace("{{name}}", view.viewer.name) }));
    if (!view.subject.self) root.appendChild(el("p", {}, [el("button", { type: "button", className: "link", text: s.back, onclick: () => load("/api/tab/me") })]));
    root.appendChild(el("section", { id: "status" }, blocks(view.status)));
    root.appendChild(planSection(view.plan, view.subject.id));
    if (view.subject.self && view.team.length > 0) {
      const team = el("ul", { className: "team" });
      for (const member of view.team) {
        team.appendChild(
          el("li", {}, [
            el("span", {}, [el("strong", { text: member.name }), document.createTextNode(" – " + member.summary)]),
            el("button", { type: "button", className: "link", text: s.open, onclick: () => load("/api/tab/person?id=" + encodeURIComponent(member.id)) }),
          ]),
        );
      }
      root.appendChild(el("section", { id: "team" }, [el("h2", { text: s.team }), team]));
    }
    // The case's history, as the viewer's role may see it (cut by the core).
    if (view.timeline) root.appendChild(el("section", { id: "timeline" }, blocks(view.timeline)));
    // "Who has seen my plan?": the reads of her case by others (only on her own tab).
    if (view.readers) root.appendChild(el("section", { id: "readers" }, blocks(view.readers)));
    document.body.setAttribute("data-ready", "true");
  }

  async function call(url) {
    const response = await fetch(url, { headers: { Authorization: "Bearer " + token }, cache: "no-store" });
    if (response.status === 401) throw new Error("unauthorized");
    if (response.status === 403) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error === "not_in_directory" ? "notInDirectory" : "forbidden");
    }
    if (!response.ok) throw new Error("generic");
    return response;
  }

  async function load(url) {
    try {
      render(await (await call(url)).json());
    } catch (error) {
      showError(s.errors && s.errors[error.message] ? error.message : "generic");
    }
  }

  async function downloadPdf(url) {
    try {
      const blob = await (await call(url)).blob();
      const link = el("a", { href: URL.createObjectURL(blob), download: "plan.pdf" });
      document.body.appendChild(link);
      link.click();
      link.remove();
    } catch (error) {
      showError(s.errors && s.errors[error.message] ? error.message : "generic");
    }
  }

  async function start() {
    const teams = window.microsoftTeams;
    if (!teams) return showError("notInTeams");
    try {
      await teams.app.initialize();
    } catch (error) {
      return showError("notInTeams");
    }
    try {
      const context = await teams.app.getContext();
      const locale = localeOf(context && context.app && context.app.locale);
      s = all[locale] || s;
      document.documentElement.lang = locale;
      applyTheme(context && context.app && context.app.theme);
      if (teams.app.registerOnThemeChangeHandler) teams.app.registerOnThemeChangeHandler(applyTheme);
    } catch (error) {
      // Without a context the page still works, in bokmål.
    }
    clear();
    root.appendChild(el("p", { className: "muted", text: s.loading }));
    try {
      token = await teams.authentication.getAuthToken();
    } catch (error) {
      return showError("unauthorized");
    }
    await load("/api/tab/me");
    if (teams.app.notifySuccess) teams.app.notifySuccess();
  }

  start();
})();
