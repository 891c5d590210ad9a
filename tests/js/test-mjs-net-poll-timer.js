'use strict';
// Mongoose OS Net API: EV_POLL and EV_TIMER.
//  - EV_POLL reaches every open connection (outbound and accepted, not the
//    listener) about once a second, with the time in whole seconds;
//  - EV_TIMER comes when a timer set with Net.set_timer(conn, seconds) (weft's
//    face of Mongoose's mg_set_timer) expires, with the time it was set for;
//    set_timer returns the time of the timer it replaces (0 if none), and 0
//    seconds cancels; a closed connection gets no EV_TIMER.
const common = require('../common');
const assert = require('assert');

load('api_net.js');

const polls = { client: [], server: [] };
let serverConn = null;

const listener = Net.bind(':0', common.mustCallAtLeast((conn, ev, evData) => {
  assert.notStrictEqual(conn, listener);
  if (ev === Net.EV_ACCEPT) serverConn = conn;
  if (ev === Net.EV_POLL) {
    assert.strictEqual(conn, serverConn);
    polls.server.push(evData);
  }
}, 3), null);
const port = Number(Net.ctos(listener, true, false, true));

let timerEvents = [];
const start = Date.now();
const client = Net.connect(`127.0.0.1:${port}`, common.mustCallAtLeast((conn, ev, evData) => {
  if (ev === Net.EV_POLL) {
    polls.client.push(evData);
  } else if (ev === Net.EV_TIMER) {
    timerEvents.push([evData, Date.now()]);
  } else if (ev === Net.EV_CONNECT) {
    assert.strictEqual(evData, 0);
    startTimers(conn);
  }
}, 5), null);

function startTimers(conn) {
  assert.strictEqual(Net.set_timer(conn, 0.3), 0);
  // Replacing a timer returns its time; cancelling with 0 likewise.
  const first = Net.set_timer(conn, 0.2);
  assert.ok(Math.abs(first - (Date.now() / 1000 + 0.3)) < 0.1, String(first));
  const second = Net.set_timer(conn, 0);
  assert.ok(Math.abs(second - (Date.now() / 1000 + 0.2)) < 0.1, String(second));
  assert.strictEqual(Net.set_timer(conn, 0), 0);
  const at = Date.now() / 1000 + 0.25;
  Net.set_timer(conn, 0.25);
  setTimeout(common.mustCall(() => {
    assert.strictEqual(timerEvents.length, 1);
    const [evData, firedAt] = timerEvents[0];
    assert.ok(Math.abs(evData - at) < 0.05, `${evData} vs ${at}`);
    assert.ok(firedAt / 1000 >= evData - 0.01, 'fires at its time, not before');
    timerEvents = [];
  }), 600);
}

setTimeout(common.mustCall(() => {
  // About 2.5 s: two polls (an interval of a second), give or take one.
  for (const side of ['client', 'server']) {
    const p = polls[side];
    assert.ok(p.length >= 1 && p.length <= 3, `${side}: ${p.length} polls`);
    for (const t of p) {
      assert.ok(Number.isInteger(t), String(t));
      assert.ok(Math.abs(t - Date.now() / 1000) < 5, String(t));
    }
  }
  assert.ok(Date.now() - start >= 2400);
  // A timer on a connection that closes before it expires never fires.
  Net.set_timer(client, 0.1);
  Net.close(client);
  Net.close(listener);
  setTimeout(common.mustCall(() => {
    assert.deepStrictEqual(timerEvents, []);
  }), 300);
}), 2500);
