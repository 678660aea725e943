// A same-origin stand-in for the Teams client hosting a tab: it frames /tab and
// answers the Teams JavaScript library's postMessage calls (initialize, getContext,
// authentication.getAuthToken) the way Teams does. Outside Teams app.initialize()
// would reject; with this host the real page runs unchanged.

export interface HostOptions {
  /** What getAuthToken returns; null makes it fail like a refused sign-in. */
  token: string | null;
  locale: string;
  userObjectId: string;
  tenantId: string;
}

export function teamsHostPage(options: HostOptions): string {
  const context = {
    locale: options.locale,
    theme: "default",
    frameContext: "content",
    hostClientType: "web",
    hostName: "Teams",
    entityId: "jobbdialog-my-case",
    userObjectId: options.userObjectId,
    tid: options.tenantId,
    loginHint: "user@example.com",
    appSessionId: "00000000-0000-0000-0000-000000000001",
    sessionId: "00000000-0000-0000-0000-000000000002",
  };
  const runtime = { apiVersion: 4, isLegacyTeams: false, supports: { appInstallDialog: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {}, logs: {} } };
  const config = JSON.stringify({ context, runtime: JSON.stringify(runtime), token: options.token }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Fake Teams host</title></head>
<body style="margin:0">
<iframe id="tab" src="/tab" style="width:1000px;height:1400px;border:0"></iframe>
<script>
  const config = ${config};
  const frame = document.getElementById("tab");
  window.hostLog = [];
  window.addEventListener("message", (event) => {
    if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
    const message = event.data || {};
    if (typeof message.func !== "string" || typeof message.id !== "number") return;
    window.hostLog.push(message.func);
    let args;
    switch (message.func) {
      case "initialize":
        args = [config.context.frameContext, config.context.hostClientType, config.runtime, "2.58.0"];
        break;
      case "getContext":
        args = [config.context];
        break;
      case "authentication.getAuthToken":
        args = config.token ? [true, config.token] : [false, "resourceDisabled"];
        break;
      default:
        return; // one-way messages (notifySuccess, handler registrations) need no answer
    }
    frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, location.origin);
  });
</script>
</body></html>`;
}
