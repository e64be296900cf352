// window.weir: installed before any page script, in the top frame only. Talks to Java through
// CEF's message router (window.cefQuery). Messages are framed with U+0001 between the parts of an
// item and U+0002 after each item: JSON text and base64 never contain those characters raw.
(() => {
  'use strict';
  if (window.top !== window || window.weir) {
    return;
  }
  const query = window.cefQuery; // kept before page scripts could replace it
  const PART = '\u0001';
  const END = '\u0002';
  const REPORT_DELAY_MS = 50;
  const REPORT_BATCH = 512;

  const send = (request) =>
    new Promise((resolve, reject) =>
      query({
        request,
        persistent: false,
        onSuccess: resolve,
        onFailure: (code, message) => reject(new Error(message)),
      }));

  const checkName = (what, name) => {
    if (typeof name !== 'string' || name === '' || /[\u0000-\u001f]/.test(name)) {
      throw new TypeError(`weir: ${what} must be a non-empty string without control characters`);
    }
  };

  const toBase64 = (bytes) => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  };
  const fromBase64 = (text) => {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  };
  // 'j' + JSON text, or 'b' + base64 for an ArrayBuffer or a view of one.
  const encode = (value) => {
    if (value instanceof ArrayBuffer) {
      return 'b' + toBase64(new Uint8Array(value));
    }
    if (ArrayBuffer.isView(value)) {
      return 'b' + toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    }
    const json = JSON.stringify(value);
    return 'j' + (json === undefined ? 'null' : json);
  };
  const decode = (text) => (text[0] === 'b' ? fromBase64(text.slice(1)) : JSON.parse(text.slice(1)));

  const fatal = (kind, error) => {
    const text = error && error.stack ? String(error.stack) : String(error);
    query({ request: 'f' + kind + PART + text, persistent: false });
  };

  // Java → JS: one long-poll query is always open; Java answers it with every message queued.
  const listeners = new Map();
  const backlog = new Map(); // messages for topics nobody listens to yet
  const dispatch = (topic, value) => {
    const handlers = listeners.get(topic);
    if (!handlers || handlers.size === 0) {
      if (!backlog.has(topic)) {
        backlog.set(topic, []);
      }
      backlog.get(topic).push(value);
      return;
    }
    for (const handler of handlers) {
      try {
        handler(value);
      } catch (error) {
        fatal('listener', error);
      }
    }
  };
  const poll = () =>
    send('p').then(
      (batch) => {
        poll();
        let start = 0;
        while (start < batch.length) {
          const part = batch.indexOf(PART, start);
          const end = batch.indexOf(END, part);
          dispatch(batch.slice(start, part), decode(batch.slice(part + 1, end)));
          start = end + 1;
        }
      },
      () => {}); // refused only when the page is going away

  // JS → Java reports: collected and sent in batches so that reporting costs the page little.
  let reports = [];
  let reportTimer = 0;
  const sendReports = () => {
    clearTimeout(reportTimer);
    reportTimer = 0;
    if (reports.length === 0) {
      return Promise.resolve();
    }
    const batch = reports.join('');
    reports = [];
    return send('x' + batch);
  };

  const transports = new Map();
  const weir = {
    /**
     * What the frontend reports to the harness: consumed(stream, seq), buffer(name, snapshot),
     * reconnect(stream, decision, attempt, delayMs), closed(stream). Filled in by the harness's
     * transports script, then frozen, before the page's own scripts run.
     */
    probe: {},
    /** Calls the Java handler registered under name; resolves with its reply. */
    request(name, payload) {
      checkName('request name', name);
      return send('r' + name + PART + encode(payload)).then(decode);
    },
    /** Calls handler with each message Java pushes on topic; returns a function that stops it. */
    on(topic, handler) {
      checkName('topic', topic);
      if (!listeners.has(topic)) {
        listeners.set(topic, new Set());
      }
      listeners.get(topic).add(handler);
      const waiting = backlog.get(topic);
      if (waiting) {
        backlog.delete(topic);
        waiting.forEach((value) => dispatch(topic, value));
      }
      return () => listeners.get(topic).delete(handler);
    },
    /** Queues a report for Java; reports are sent together, soon, in the order made. */
    report(kind, data) {
      checkName('report kind', kind);
      const json = JSON.stringify(data);
      reports.push(kind + PART + (json === undefined ? 'null' : json) + END);
      if (reports.length >= REPORT_BATCH) {
        sendReports();
      } else if (reportTimer === 0) {
        reportTimer = setTimeout(sendReports, REPORT_DELAY_MS);
      }
    },
    /** Sends the queued reports now; resolves when Java has them. */
    flush: sendReports,
    /** Registers how to subscribe to a kind of transport; a kind is registered once. */
    transport(kind, subscribe) {
      checkName('transport kind', kind);
      if (transports.has(kind)) {
        throw new Error(`weir: transport '${kind}' is already registered`);
      }
      transports.set(kind, subscribe);
    },
    /**
     * Subscribes to a stream the backend offers on a transport kind; resolves to a function that
     * unsubscribes. onmessage(message, seq) gets JSON values, or ArrayBuffers for raw payloads,
     * with the message's stream sequence. options.onclose(reason) is called once if the stream
     * ends other than by unsubscribing: 'end' (the backend ended it) or 'closed' (connection lost).
     */
    subscribe(kind, stream, onmessage, options = {}) {
      const subscribe = transports.get(kind);
      return subscribe
        ? Promise.resolve(subscribe(stream, onmessage, options))
        : Promise.reject(new TypeError(`weir: no transport '${kind}'`));
    },
  };
  Object.freeze(weir);
  Object.defineProperty(window, 'weir', { value: weir, enumerable: true });

  // Event-loop lag: one timer of weir's, every LAG_PERIOD_MS, notes how late it ran. A busy
  // renderer runs every timer and task late the same way, the page's own included, so timing
  // judgments allow the lateness measured here around the event they judge (docs/checkers.md).
  // Only lateness from LAG_REPORTED_MS up is reported, with the page's time it ended at; a tick
  // that ran L late says the loop was held from (at - L) to at.
  // The timer and the clock are the browser's own, kept before page scripts run, so a page that
  // replaces them (fake timers in a test) does not silence the monitor.
  const LAG_PERIOD_MS = 10;
  const LAG_REPORTED_MS = 2;
  const nativeSetTimeout = window.setTimeout.bind(window);
  const nativeNow = performance.now.bind(performance);
  let lagDue = nativeNow() + LAG_PERIOD_MS;
  const lagTick = () => {
    const at = nativeNow();
    const late = at - lagDue;
    if (late >= LAG_REPORTED_MS) {
      weir.report('weir-lag', { origin: performance.timeOrigin, now: at, at, late });
    }
    lagDue = at + LAG_PERIOD_MS;
    nativeSetTimeout(lagTick, LAG_PERIOD_MS);
  };
  nativeSetTimeout(lagTick, LAG_PERIOD_MS);

  window.addEventListener('error', (event) =>
    fatal('error', event.error || `${event.message} at ${event.filename}:${event.lineno}:${event.colno}`));
  window.addEventListener('unhandledrejection', (event) => fatal('unhandledrejection', event.reason));
  window.addEventListener('pagehide', () => sendReports());
  poll();
})();
