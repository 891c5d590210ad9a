'use strict';
// The static helpers of the events module: getEventListeners,
// getMaxListeners, setMaxListeners (for emitters and EventTargets, with the
// EventTarget leak warning), addAbortListener, listenerCount, defaultMaxListeners.
const common = require('../common');
const assert = require('assert');
const events = require('events');
const { EventEmitter, getEventListeners, getMaxListeners, setMaxListeners, addAbortListener } = events;

// getEventListeners for EventEmitter (unwrapped once-listeners) and EventTarget.
{
  const f = () => {};
  const g = { handleEvent() {} };
  const et = new EventTarget();
  et.addEventListener('a', f);
  et.addEventListener('a', g);
  et.addEventListener('a', f, { capture: true });
  const listeners = getEventListeners(et, 'a');
  assert.strictEqual(listeners.length, 3);
  assert.strictEqual(listeners[0], f);
  assert.strictEqual(listeners[1], g);
  assert.deepStrictEqual(getEventListeners(et, 'none'), []);

  const ee = new EventEmitter();
  ee.on('x', f);
  ee.once('x', f);
  assert.deepStrictEqual(getEventListeners(ee, 'x'), [f, f]);
  assert.throws(() => getEventListeners({}, 'x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "emitter" argument must be an instance of EventEmitter or EventTarget. Received an instance of Object',
  });
}

// getMaxListeners / setMaxListeners on several targets at once.
{
  const et = new EventTarget();
  const ee = new EventEmitter();
  assert.strictEqual(getMaxListeners(et), 10);
  assert.strictEqual(getMaxListeners(ee), 10);
  setMaxListeners(2, et, ee);
  assert.strictEqual(getMaxListeners(et), 2);
  assert.strictEqual(ee.getMaxListeners(), 2);
  assert.throws(() => setMaxListeners(1, {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "eventTargets" argument must be an instance of EventEmitter or EventTarget. Received an instance of Object',
  });
  assert.throws(() => setMaxListeners(-1, ee), { code: 'ERR_OUT_OF_RANGE' });

  // Exceeding the EventTarget limit warns once for that type.
  process.on('warning', common.mustCall((w) => {
    assert.strictEqual(w.name, 'MaxListenersExceededWarning');
    assert.strictEqual(w.message,
                       'Possible EventTarget memory leak detected. 3 w listeners added to EventTarget. ' +
                       'MaxListeners is 2. Use events.setMaxListeners() to increase limit');
    assert.strictEqual(w.target, et);
    assert.strictEqual(w.type, 'w');
    assert.strictEqual(w.count, 3);
  }));
  for (let k = 0; k < 4; k++) et.addEventListener('w', () => {});
}

// defaultMaxListeners: validated, and used by emitters without their own limit.
{
  assert.strictEqual(EventEmitter.defaultMaxListeners, 10);
  assert.throws(() => { EventEmitter.defaultMaxListeners = -1; }, {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "defaultMaxListeners" is out of range. It must be >= 0. Received -1',
  });
  assert.throws(() => { EventEmitter.defaultMaxListeners = 'x'; }, { code: 'ERR_INVALID_ARG_TYPE' });
  const ee = new EventEmitter();
  EventEmitter.defaultMaxListeners = 20;
  assert.strictEqual(ee.getMaxListeners(), 20);
  EventEmitter.defaultMaxListeners = 10;
  assert.strictEqual(ee.getMaxListeners(), 10);
}

// addAbortListener: called once on abort, returns a disposable.
{
  const ac = new AbortController();
  const disposable = addAbortListener(ac.signal, common.mustCall((e) => {
    assert.strictEqual(e.type, 'abort');
  }));
  assert.strictEqual(typeof disposable[Symbol.dispose], 'function');
  ac.abort();
  ac.abort();

  // Disposing removes the listener.
  const ac2 = new AbortController();
  const d2 = addAbortListener(ac2.signal, common.mustNotCall());
  d2[Symbol.dispose]();
  ac2.abort();

  // An already-aborted signal: the listener runs on a microtask.
  let ran = false;
  addAbortListener(AbortSignal.abort(), common.mustCall(() => { ran = true; }));
  assert.strictEqual(ran, false);
  queueMicrotask(common.mustCall(() => assert.strictEqual(ran, true)));

  assert.throws(() => addAbortListener({}, () => {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "signal" argument must be an instance of AbortSignal. Received an instance of Object',
  });
  assert.throws(() => addAbortListener(new AbortController().signal, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
}
