// window.__TAURI_INTERNALS__ and weir.subscribe(kind, ...) for every transport kind: the JS halves of the command, event and channel
// transports, speaking Tauri v2's wire format (see docs/transports.md) over window.weir.
(() => {
  'use strict';
  if (window.top !== window || !window.weir || window.__TAURI_INTERNALS__) {
    return;
  }
  const weir = window.weir;

  // Callbacks by numeric id, as @tauri-apps/api 2.6+ keeps them.
  const callbacks = new Map();
  let nextCallback = 1;
  const transformCallback = (callback, once = false) => {
    const id = nextCallback++;
    callbacks.set(id, (data) => {
      if (once) {
        callbacks.delete(id);
      }
      return callback && callback(data);
    });
    return id;
  };
  const runCallback = (id, data) => {
    const callback = callbacks.get(id);
    if (callback) {
      callback(data);
    }
  };
  const unregisterCallback = (id) => callbacks.delete(id);

  const bytesOf = (base64) => {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  };

  // A channel's parked payload, fetched through the custom scheme as Tauri does over ipc://.
  const fetchParked = (dataId) =>
    fetch('/.weir/channel-fetch', { method: 'POST', headers: { 'Tauri-Channel-Id': String(dataId) } })
      .then((response) => {
        if (!response.ok) {
          return response.text().then((text) => Promise.reject(new Error(text)));
        }
        return (response.headers.get('content-type') || '').startsWith('application/json')
          ? response.json()
          : response.arrayBuffer();
      });

  const invoke = (cmd, args = {}, options = {}) => {
    if (cmd === 'plugin:__TAURI_CHANNEL__|fetch') {
      return fetchParked(options.headers['Tauri-Channel-Id']);
    }
    return weir.request('tauri:' + cmd, args);
  };

  // Tauri's Channel: messages carry an index; those that overtake wait until the gap closes.
  class Channel {
    constructor(onmessage) {
      this.onmessage = onmessage || (() => {});
      this.nextIndex = 0;
      this.pending = new Map();
      this.endIndex = -1;
      this.id = transformCallback((data) => this.receive(data));
    }
    receive(data) {
      if ('end' in data) {
        this.endIndex = data.index;
      } else {
        this.pending.set(data.index, data);
      }
      while (this.pending.has(this.nextIndex)) {
        const next = this.pending.get(this.nextIndex);
        this.pending.delete(this.nextIndex);
        this.nextIndex++;
        this.onmessage(next.message, next.seq); // Tauri's own Channel passes the message only
      }
      if (this.endIndex === this.nextIndex) {
        this.cleanup();
        if (this.onend) {
          this.onend();
        }
      }
    }
    cleanup() {
      unregisterCallback(this.id);
    }
    toJSON() {
      return `__CHANNEL__:${this.id}`;
    }
  }

  const listen = (event, handler) => {
    const callback = transformCallback((e) => handler(e));
    return invoke('plugin:event|listen', { event, target: { kind: 'Any' }, handler: callback })
      .then((eventId) => () => {
        unregisterCallback(callback);
        return invoke('plugin:event|unlisten', { event, eventId });
      });
  };

  // The command transport's client: long-polls a stream for batches of [seq, message, ...]; null
  // when the stream has ended.
  const poll = (stream, onmessage, ended) => {
    let open = true;
    const loop = () => {
      if (!open) {
        return;
      }
      invoke('weir:poll', { stream }).then((batch) => {
        if (!open || batch === null) {
          open = false;
          ended('end');
          return;
        }
        for (let i = 0; i < batch.length; i += 2) {
          onmessage(batch[i + 1], batch[i]);
        }
        loop();
      }, () => {
        open = false;
        ended('closed');
      });
    };
    loop();
    return () => {
      open = false;
      return invoke('weir:unpoll', { stream });
    };
  };

  // Every delivery is recorded by sequence with the page's time, and reported to the trace in
  // batches: every 50 ms, or at once when 4096 wait. A report carries its send time (now) and the
  // document's time origin, so Java can place each page time on its own clock (PageClock).
  const recorders = new Map();
  let flushTimer = 0;
  const flushDeliveries = () => {
    clearTimeout(flushTimer);
    flushTimer = 0;
    for (const recorder of recorders.values()) {
      if (recorder.d.length > 0) {
        weir.report(`weir-deliveries/${recorder.transport}`,
          { transport: recorder.transport, stream: recorder.stream, origin: performance.timeOrigin,
            now: performance.now(), d: recorder.d });
        recorder.d = [];
      }
    }
    return weir.flush();
  };
  window.addEventListener('pagehide', flushDeliveries);
  const recorderFor = (transport, stream) => {
    const key = transport + '\u0000' + stream;
    if (!recorders.has(key)) {
      recorders.set(key, { transport, stream, d: [] });
    }
    return recorders.get(key);
  };
  const record = (recorder, seq) => {
    recorder.d.push(seq, performance.now());
    if (recorder.d.length >= 8192) {
      flushDeliveries();
    } else if (flushTimer === 0) {
      flushTimer = setTimeout(flushDeliveries, 50);
    }
  };

  // The frontend's probe (docs/frontend-contract.md). Consumed messages go through a recorder, like
  // deliveries, reported as transport 'probe'; the rarer snapshots and decisions are reported one
  // by one, at once, each with its page time and the page's now.
  const checkProbeName = (what, name) => {
    if (typeof name !== 'string' || name === '') {
      throw new TypeError(`weir.probe: ${what} must be a non-empty string, got ${String(name)}`);
    }
  };
  const checkCount = (what, n) => {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new TypeError(`weir.probe: ${what} must be an integer >= 0, got ${String(n)}`);
    }
  };
  const probeNow = (what, stream, data) => {
    weir.report('weir-probe', Object.assign({ what, stream, at: performance.now() }, data,
      { origin: performance.timeOrigin, now: performance.now() }));
    weir.flush();
  };
  Object.assign(weir.probe, {
    consumed(stream, seq) {
      checkProbeName('stream', stream);
      checkCount('seq', seq);
      record(recorderFor('probe', stream), seq);
    },
    buffer(name, { consumed, evictions, items }) {
      checkProbeName('buffer name', name);
      checkCount('consumed', consumed);
      checkCount('evictions', evictions);
      if (!Array.isArray(items) || !items.every(Number.isSafeInteger)) {
        throw new TypeError('weir.probe: items must be an array of sequences, oldest first');
      }
      probeNow('buffer', name, { consumed, evictions, items });
    },
    reconnect(stream, decision, attempt, delayMs) {
      checkProbeName('stream', stream);
      if (!['retry', 'open', 'reset', 'give-up'].includes(decision)) {
        throw new TypeError(`weir.probe: decision must be retry, open, reset or give-up, got ${String(decision)}`);
      }
      checkCount('attempt', attempt);
      if (!(delayMs >= 0)) {
        throw new TypeError(`weir.probe: delayMs must be >= 0, got ${String(delayMs)}`);
      }
      probeNow('reconnect', stream, { decision, attempt, delayMs });
    },
    closed(stream) {
      checkProbeName('stream', stream);
      flushDeliveries(); // what was consumed before the close reaches Java before the close
      probeNow('closed', stream, {});
    },
  });
  Object.freeze(weir.probe);

  // Registers a kind's subscribe function behind the common consumer: it records each delivery,
  // then plays the slow consumer the backend declared (busy time per message, by sequence), then
  // hands the message and its sequence to the page. The kind reports how its stream ended with
  // ended(reason); the page hears of it once, only for a subscription that opened (a refused one
  // rejects instead), and not after it unsubscribed itself. The kind also gets when the frontend
  // asked (its page time), for a server that times connection attempts.
  //
  // A stream sent as fast as the frontend takes it is paced by the harness: the JS half
  // acknowledges each message once the page's handler has returned (every `pace` messages, every
  // `paceWithinMs` while it takes them, and when the page has nothing more to take), so the backend
  // never queues more than the page takes in a moment.
  const register = (kind, subscribe) => weir.transport(kind, (stream, onmessage, options) => {
    const began = performance.now(); // the frontend's own moment, before any of ours
    return invoke('weir:consumer-' + kind, { stream }).then(({ delays, pace, paceWithinMs }) => {
      const recorder = recorderFor(kind, stream);
      const taken = credit((count) => invoke('weir:paced-' + kind, { stream, count }), paceWithinMs);
      taken.every(pace);
      let state = 'opening';
      let early = null; // an end that came before the subscription was confirmed
      const ended = (reason) => {
        if (state === 'open') {
          state = 'over';
          if (options.onclose) {
            options.onclose(reason);
          }
        } else if (state === 'opening' && early === null) {
          early = reason;
        }
      };
      return Promise.resolve(subscribe(stream, (message, seq) => {
        record(recorder, seq);
        for (const [from, until, micros] of delays) {
          if (seq >= from && seq < until) {
            const end = performance.now() + micros / 1000;
            while (performance.now() < end) {
              // busy, as a consumer with expensive handling is
            }
          }
        }
        onmessage(message, seq);
        taken.consumed();
      }, ended, began)).then((unsubscribe) => {
        state = 'open';
        if (early !== null) {
          queueMicrotask(() => ended(early));
        }
        return () => {
          state = 'over';
          return unsubscribe();
        };
      });
    });
  });

  // Credit behind a window: the backend asks for an acknowledgement every `ack` consumed messages
  // (0: no window, no acknowledgements). The page also acknowledges what it has consumed as soon as
  // it has nothing more to take, so a window its bytes fill before `ack` messages are in flight
  // still gets its credit back. "Nothing more" is a task on one page-wide message channel, queued
  // after the messages already there and not throttled as timers are; one channel, made once, so
  // subscriptions leave no listener behind. A late acknowledgement (after a close) is ignored.
  const idleFlushes = new Set();
  const idle = new MessageChannel();
  idle.port1.onmessage = () => {
    const due = [...idleFlushes];
    idleFlushes.clear();
    due.forEach((flush) => flush());
  };
  // With `withinMs` (the harness's pace), a page that keeps taking messages also acknowledges
  // what it took once that long has passed since its last acknowledgement, so a slow page's
  // acknowledgements stay as frequent as the backend needs them.
  const credit = (send, withinMs = 0) => {
    let every = 0;
    let consumed = 0;
    let lastSent = performance.now();
    const flush = () => {
      if (consumed > 0) {
        const count = consumed;
        consumed = 0;
        lastSent = performance.now();
        send(count);
      }
    };
    const check = () => {
      if (every > 0 && (consumed >= every
          || (withinMs > 0 && performance.now() - lastSent >= withinMs))) {
        flush();
      } else if (every > 0 && consumed > 0 && !idleFlushes.has(flush)) {
        if (idleFlushes.size === 0) {
          idle.port2.postMessage(0);
        }
        idleFlushes.add(flush);
      }
    };
    return {
      every(ack) {
        every = ack;
        check();
      },
      consumed() {
        consumed++;
        check();
      },
    };
  };

  register('channel', (stream, onmessage, ended) => {
    // Deliveries are counted from the start, as messages may arrive before the window's answer.
    const acks = credit((count) => invoke('weir:channel-ack', { channel, count }));
    const channel = new Channel((message, seq) => {
      onmessage(message, seq);
      acks.consumed();
    });
    channel.onend = () => ended('end');
    return invoke('weir:subscribe', { stream, channel }).then((reply) => {
      acks.every(reply.ack);
      return () => {
        channel.cleanup();
        return invoke('weir:unsubscribe', { stream, channel });
      };
    });
  });
  register('event', (stream, onmessage) => listen(stream, (e) => onmessage(e.payload, e.seq)));
  register('command', (stream, onmessage, ended) => poll(stream, onmessage, ended));

  // The browser's own WebSocket: text frames "<seq> <json>", binary frames led by an 8-byte
  // sequence. Behind a window it acknowledges with 'ack N' text frames. The URL says when the
  // page began this attempt, so the server can time it from then: between the two, Chromium may
  // hold a WebSocket back on purpose after failed ones (a reconnection delay is the page's wait).
  // It also says when the page heard that the stream's previous socket failed or was lost, the
  // first the frontend could know of it: on a busy machine a refusal takes tens of milliseconds to
  // reach the page, and the frontend's wait begins only then.
  const sequenceAt = (view, offset) => view.getUint32(offset) * 0x100000000 + view.getUint32(offset + 4);
  const lostAt = new Map(); // stream → when its last socket failed, until its next attempt
  register('websocket', (stream, onmessage, ended, began) => {
    const origin = performance.timeOrigin;
    const heard = lostAt.get(stream);
    lostAt.delete(stream);
    return invoke('weir:websocket-url', { stream, origin, now: performance.now() }).then(({ url, ack }) => new Promise((resolve, reject) => {
      const socket = new WebSocket(`${url}&began=${began}&origin=${origin}`
        + (heard === undefined ? '' : `&heard=${heard}`));
      let lost = false;
      const hear = () => {
        if (!lost) {
          lost = true;
          lostAt.set(stream, performance.now());
        }
      };
      socket.binaryType = 'arraybuffer';
      const acks = credit((count) => socket.send(`ack ${count}`));
      acks.every(ack);
      socket.onmessage = (event) => {
        if (typeof event.data === 'string') {
          const space = event.data.indexOf(' ');
          onmessage(JSON.parse(event.data.slice(space + 1)), Number(event.data.slice(0, space)));
        } else {
          onmessage(event.data.slice(8), sequenceAt(new DataView(event.data), 0));
        }
        acks.consumed();
      };
      socket.onopen = () => resolve(() => socket.close(1000, 'unsubscribed'));
      socket.onerror = () => {
        hear();
        reject(new Error(`weir: WebSocket for '${stream}' failed`));
      };
      socket.onclose = (event) => {
        if (event.code !== 1000) {
          hear();
        }
        ended(event.code === 1000 ? 'end' : 'closed');
      };
    }));
  });

  // The browser's own EventSource; it reconnects by itself, sending Last-Event-ID, and the
  // backend resumes the session. The session's key comes first; unsubscribing names it, since to
  // the server a closed EventSource looks like a broken connection.
  register('sse', (stream, onmessage, ended) =>
    invoke('weir:sse-url', { stream }).then(({ url }) => new Promise((resolve) => {
      const source = new EventSource(url);
      source.onmessage = (event) => onmessage(JSON.parse(event.data), Number(event.lastEventId));
      source.addEventListener('end', () => {
        source.close(); // else it would reconnect
        ended('end');
      });
      // A broken connection makes it reconnect by itself; closed for good (a refusal) is an end.
      source.onerror = () => {
        if (source.readyState === EventSource.CLOSED) {
          ended('closed');
        }
      };
      source.addEventListener('session', (event) => {
        const session = Number(event.data);
        resolve(() => {
          source.close();
          return invoke('weir:sse-close', { session });
        });
      });
    })));

  // A streamed response over the custom scheme: frames of [u32 length][u8 kind][u64 seq][payload].
  const decoder = new TextDecoder();
  register('scheme', (stream, onmessage, ended) =>
    invoke('weir:stream', { stream }).then(({ ticket, ack }) => {
      const abort = new AbortController();
      const acks = credit((count) => invoke('weir:scheme-ack', { ticket, count }));
      acks.every(ack);
      const deliver = (message, seq) => {
        onmessage(message, seq);
        acks.consumed();
      };
      return fetch(`/.weir/stream?ticket=${ticket}`, { signal: abort.signal }).then((response) => {
        const reader = response.body.getReader();
        // Chunks are kept as they come and joined only when a whole frame is there, so a large
        // frame is copied once, not once per chunk.
        let chunks = [];
        let buffered = 0;
        const take = (n) => {
          const out = new Uint8Array(n);
          let filled = 0;
          while (filled < n) {
            const chunk = chunks[0];
            const used = Math.min(chunk.length, n - filled);
            out.set(chunk.subarray(0, used), filled);
            filled += used;
            if (used === chunk.length) {
              chunks.shift();
            } else {
              chunks[0] = chunk.subarray(used);
            }
          }
          buffered -= n;
          return out;
        };
        let header = null;
        const read = () => reader.read().then(({ done, value }) => {
          if (done) {
            ended('end');
            return;
          }
          chunks.push(value);
          buffered += value.length;
          for (;;) {
            if (header === null) {
              if (buffered < 13) {
                break;
              }
              header = new DataView(take(13).buffer);
            }
            const length = header.getUint32(0);
            if (buffered < length) {
              break;
            }
            const payload = take(length);
            deliver(header.getUint8(4) === 0 ? JSON.parse(decoder.decode(payload)) : payload.buffer,
              sequenceAt(header, 5));
            header = null;
          }
          return read();
        }).catch((error) => {
          if (error.name !== 'AbortError') {
            ended('closed');
          }
        });
        read();
        return () => abort.abort();
      });
    }));

  window.__TAURI_INTERNALS__ = Object.freeze({
    invoke, transformCallback, runCallback, unregisterCallback, callbacks, Channel,
    weir: Object.freeze({ bytesOf, listen, flushDeliveries }),
  });
})();
