'use strict';

// Deep equality as Node's assert.deepEqual / deepStrictEqual and
// util.isDeepStrictEqual define it. Type checks are done with brand checks
// (a built-in method that throws on the wrong receiver) in place of Node's
// C++ type helpers.

const kStrict = true;
const kLoose = false;

const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

const hasOwn = Object.prototype.hasOwnProperty;
const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;
const objectToString = Object.prototype.toString;

function uncurry(getter) {
  return (self) => getter.call(self);
}

function brand(fn) {
  return (value) => {
    if (typeof value !== 'object' || value === null) return false;
    try {
      fn(value);
      return true;
    } catch {
      return false;
    }
  };
}

const dateGetTime = Date.prototype.getTime;
const regexpSource = uncurry(Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get);
const mapSize = uncurry(Object.getOwnPropertyDescriptor(Map.prototype, 'size').get);
const setSize = uncurry(Object.getOwnPropertyDescriptor(Set.prototype, 'size').get);
const arrayBufferByteLength = uncurry(Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get);
const sharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ?
  uncurry(Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get) : undefined;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = uncurry(Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get);
const numberValueOf = Number.prototype.valueOf;
const stringValueOf = String.prototype.valueOf;
const booleanValueOf = Boolean.prototype.valueOf;
const bigintValueOf = BigInt.prototype.valueOf;
const symbolValueOf = Symbol.prototype.valueOf;

const isDate = brand((v) => dateGetTime.call(v));
const isRegExpBrand = brand(regexpSource);
function isRegExp(v) {
  return v !== RegExp.prototype && isRegExpBrand(v);
}
const isMap = brand(mapSize);
const isSet = brand(setSize);
const isArrayBufferView = ArrayBuffer.isView;
const isArrayBuffer = brand(arrayBufferByteLength);
const isSharedArrayBuffer = sharedArrayBufferByteLength ? brand(sharedArrayBufferByteLength) : () => false;
function isAnyArrayBuffer(v) {
  return isArrayBuffer(v) || isSharedArrayBuffer(v);
}
const isNumberObject = brand((v) => numberValueOf.call(v));
const isStringObject = brand((v) => stringValueOf.call(v));
const isBooleanObject = brand((v) => booleanValueOf.call(v));
const isBigIntObject = brand((v) => bigintValueOf.call(v));
const isSymbolObject = brand((v) => symbolValueOf.call(v));
function isBoxedPrimitive(v) {
  return isNumberObject(v) || isStringObject(v) || isBooleanObject(v) ||
    isBigIntObject(v) || isSymbolObject(v);
}
function isNativeError(v) {
  if (typeof Error.isError === 'function') return Error.isError(v);
  return objectToString.call(v) === '[object Error]';
}
function isFloatArray(v) {
  const tag = typedArrayTag(v);
  return tag === 'Float32Array' || tag === 'Float64Array' || tag === 'Float16Array';
}
function isURL(v) {
  return Boolean(v?.href && v.protocol && v.auth === undefined && v.path === undefined);
}

// Canonical array index: '0', '1', ... below 2^32 - 1.
function isArrayIndex(key) {
  const len = key.length;
  if (len === 0 || len > 10) return false;
  const c0 = key.charCodeAt(0);
  if (c0 < 48 || c0 > 57) return false;
  if (c0 === 48) return len === 1;
  for (let i = 1; i < len; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return len < 10 || Number(key) < 4294967295;
}

// Own enumerable keys that are not array indices; symbols unless skipped.
function getOwnNonIndexProperties(obj, skipSymbols) {
  const keys = Reflect.ownKeys(obj);
  const out = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof key === 'string') {
      if (isArrayIndex(key)) continue;
    } else if (skipSymbols) {
      continue;
    }
    if (propertyIsEnumerable.call(obj, key)) out.push(key);
  }
  return out;
}

function areSimilarRegExps(a, b) {
  return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
}

function areSimilarFloatArrays(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function bytesEqual(a, b) {
  const len = a.length;
  if (len !== b.length) return false;
  if (typeof Buffer === 'function' && typeof Buffer.compare === 'function' && len > 64) {
    return Buffer.compare(a, b) === 0;
  }
  for (let i = 0; i < len; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function areSimilarTypedArrays(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  return bytesEqual(new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
                    new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
}

function areEqualArrayBuffers(buf1, buf2) {
  return buf1.byteLength === buf2.byteLength &&
    bytesEqual(new Uint8Array(buf1), new Uint8Array(buf2));
}

function isEqualBoxedPrimitive(val1, val2) {
  if (isNumberObject(val1)) {
    return isNumberObject(val2) && Object.is(numberValueOf.call(val1), numberValueOf.call(val2));
  }
  if (isStringObject(val1)) {
    return isStringObject(val2) && stringValueOf.call(val1) === stringValueOf.call(val2);
  }
  if (isBooleanObject(val1)) {
    return isBooleanObject(val2) && booleanValueOf.call(val1) === booleanValueOf.call(val2);
  }
  if (isBigIntObject(val1)) {
    return isBigIntObject(val2) && bigintValueOf.call(val1) === bigintValueOf.call(val2);
  }
  if (isSymbolObject(val1)) {
    return isSymbolObject(val2) && symbolValueOf.call(val1) === symbolValueOf.call(val2);
  }
  return false;
}

const kOther = 0;
const kDate = 1;
const kRegExp = 2;
const kView = 3;
const kSet = 4;
const kMap = 5;
const kArrayBuffer = 6;
const kError = 7;
const kBoxed = 8;

// The built-in type of an object. The Object.prototype.toString tag picks
// the candidate and one brand check confirms it; only objects with an
// unexpected tag go through every check.
function kindOf(v, tag) {
  switch (tag) {
    case '[object Date]':
      if (isDate(v)) return kDate;
      break;
    case '[object RegExp]':
      if (isRegExp(v)) return kRegExp;
      break;
    case '[object Set]':
      if (isSet(v)) return kSet;
      break;
    case '[object Map]':
      if (isMap(v)) return kMap;
      break;
    case '[object ArrayBuffer]':
    case '[object SharedArrayBuffer]':
      if (isAnyArrayBuffer(v)) return kArrayBuffer;
      break;
    case '[object Error]':
      if (isNativeError(v) || v instanceof Error) return kError;
      break;
    case '[object Number]':
    case '[object String]':
    case '[object Boolean]':
    case '[object BigInt]':
    case '[object Symbol]':
      if (isBoxedPrimitive(v)) return kBoxed;
      break;
  }
  if (isArrayBufferView(v)) return kView;
  if (v instanceof Error) return kError;
  if (typeof v[Symbol.toStringTag] !== 'string') {
    // No custom tag: the tag above was the built-in one.
    return isNativeError(v) ? kError : kOther;
  }
  if (isDate(v)) return kDate;
  if (isRegExp(v)) return kRegExp;
  if (isSet(v)) return kSet;
  if (isMap(v)) return kMap;
  if (isAnyArrayBuffer(v)) return kArrayBuffer;
  if (isNativeError(v)) return kError;
  if (isBoxedPrimitive(v)) return kBoxed;
  return kOther;
}

// For strict mode, objects need the same [[Prototype]] and the same
// Object.prototype.toString tag; both modes compare own enumerable keys.
function innerDeepEqual(val1, val2, strict, memos) {
  if (val1 === val2) {
    return val1 !== 0 || Object.is(val1, val2) || !strict;
  }

  if (strict) {
    if (typeof val1 === 'number') {
      return Number.isNaN(val1) && Number.isNaN(val2);
    }
    if (typeof val2 !== 'object' ||
        typeof val1 !== 'object' ||
        val1 === null ||
        val2 === null ||
        Object.getPrototypeOf(val1) !== Object.getPrototypeOf(val2)) {
      return false;
    }
  } else {
    if (val1 === null || typeof val1 !== 'object') {
      if (val2 === null || typeof val2 !== 'object') {
        // eslint-disable-next-line eqeqeq
        return val1 == val2 || (Number.isNaN(val1) && Number.isNaN(val2));
      }
      return false;
    }
    if (val2 === null || typeof val2 !== 'object') {
      return false;
    }
  }

  const val1Tag = objectToString.call(val1);
  const val2Tag = objectToString.call(val2);
  if (val1Tag !== val2Tag) return false;

  if (Array.isArray(val1)) {
    if (!Array.isArray(val2) || val1.length !== val2.length) return false;
    const keys1 = getOwnNonIndexProperties(val1, !strict);
    const keys2 = getOwnNonIndexProperties(val2, !strict);
    if (keys1.length !== keys2.length) return false;
    return keyCheck(val1, val2, strict, memos, kIsArray, keys1);
  } else if (val1Tag === '[object Object]') {
    return keyCheck(val1, val2, strict, memos, kNoIterator);
  }

  const kind = kindOf(val1, val1Tag);
  if (kind !== kindOf(val2, val2Tag)) return false;
  switch (kind) {
    case kDate:
      if (dateGetTime.call(val1) !== dateGetTime.call(val2)) return false;
      break;
    case kRegExp:
      if (!areSimilarRegExps(val1, val2)) return false;
      break;
    case kView: {
      // undefined for DataViews.
      if (typedArrayTag(val1) !== typedArrayTag(val2)) return false;
      if (!strict && isFloatArray(val1)) {
        if (!areSimilarFloatArrays(val1, val2)) return false;
      } else if (!areSimilarTypedArrays(val1, val2)) {
        return false;
      }
      // Same length: only non-index keys are left to compare.
      const keys1 = getOwnNonIndexProperties(val1, !strict);
      const keys2 = getOwnNonIndexProperties(val2, !strict);
      if (keys1.length !== keys2.length) return false;
      return keyCheck(val1, val2, strict, memos, kNoIterator, keys1);
    }
    case kSet:
      if (val1.size !== val2.size) return false;
      return keyCheck(val1, val2, strict, memos, kIsSet);
    case kMap:
      if (val1.size !== val2.size) return false;
      return keyCheck(val1, val2, strict, memos, kIsMap);
    case kArrayBuffer:
      if (!areEqualArrayBuffers(val1, val2)) return false;
      break;
    case kError: {
      // The stack is not compared: it differs between otherwise equal errors.
      const message1Enumerable = propertyIsEnumerable.call(val1, 'message');
      const name1Enumerable = propertyIsEnumerable.call(val1, 'name');
      const cause1Enumerable = propertyIsEnumerable.call(val1, 'cause');
      const errors1Enumerable = propertyIsEnumerable.call(val1, 'errors');
      if ((message1Enumerable !== propertyIsEnumerable.call(val2, 'message') ||
            (!message1Enumerable && val1.message !== val2.message)) ||
          (name1Enumerable !== propertyIsEnumerable.call(val2, 'name') ||
            (!name1Enumerable && val1.name !== val2.name)) ||
          (cause1Enumerable !== propertyIsEnumerable.call(val2, 'cause') ||
            (!cause1Enumerable && !innerDeepEqual(val1.cause, val2.cause, strict, memos))) ||
          (errors1Enumerable !== propertyIsEnumerable.call(val2, 'errors') ||
            (!errors1Enumerable && !innerDeepEqual(val1.errors, val2.errors, strict, memos)))) {
        return false;
      }
      break;
    }
    case kBoxed:
      if (!isEqualBoxedPrimitive(val1, val2)) return false;
      break;
    default:
      if (isURL(val1)) {
        if (!isURL(val2) || val1.href !== val2.href) return false;
      }
  }
  return keyCheck(val1, val2, strict, memos, kNoIterator);
}

function getEnumerables(val, keys) {
  return keys.filter((k) => propertyIsEnumerable.call(val, k));
}

function keyCheck(val1, val2, strict, memos, iterationType, aKeys) {
  // Equal objects have the same own enumerable keys (in any order) with
  // equal values, and for Sets and Maps equal contents.
  const isArrayLikeObject = aKeys !== undefined;

  if (aKeys === undefined) aKeys = Object.keys(val1);

  // Cheap key test
  for (let i = 0; i < aKeys.length; i++) {
    if (!propertyIsEnumerable.call(val2, aKeys[i])) return false;
  }

  if (!isArrayLikeObject) {
    if (aKeys.length !== Object.keys(val2).length) return false;

    if (strict) {
      const symbolKeysA = Object.getOwnPropertySymbols(val1);
      if (symbolKeysA.length !== 0) {
        let count = 0;
        for (const key of symbolKeysA) {
          if (propertyIsEnumerable.call(val1, key)) {
            if (!propertyIsEnumerable.call(val2, key)) return false;
            aKeys.push(key);
            count++;
          } else if (propertyIsEnumerable.call(val2, key)) {
            return false;
          }
        }
        const symbolKeysB = Object.getOwnPropertySymbols(val2);
        if (symbolKeysA.length !== symbolKeysB.length &&
            getEnumerables(val2, symbolKeysB).length !== count) {
          return false;
        }
      } else {
        const symbolKeysB = Object.getOwnPropertySymbols(val2);
        if (symbolKeysB.length !== 0 && getEnumerables(val2, symbolKeysB).length !== 0) {
          return false;
        }
      }
    }
  }

  if (aKeys.length === 0 &&
      (iterationType === kNoIterator ||
        (iterationType === kIsArray && val1.length === 0) ||
        val1.size === 0)) {
    return true;
  }

  // Track the pairs being compared to handle cycles.
  if (memos === undefined) {
    memos = {
      set: undefined,
      a: val1,
      b: val2,
      c: undefined,
      d: undefined,
      deep: false,
      deleteFailures: false,
    };
    return objEquiv(val1, val2, strict, aKeys, memos, iterationType);
  }

  if (memos.set === undefined) {
    if (memos.deep === false) {
      if (memos.a === val1 && memos.b === val2) return true;
      memos.c = val1;
      memos.d = val2;
      memos.deep = true;
      const result = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
      memos.deep = false;
      return result;
    }
    memos.set = new Set();
    memos.set.add(memos.a);
    memos.set.add(memos.b);
    memos.set.add(memos.c);
    memos.set.add(memos.d);
  }

  const { set } = memos;
  const originalSize = set.size;
  set.add(val1);
  set.add(val2);
  if (originalSize === set.size) return true;

  const areEq = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
  if (areEq || memos.deleteFailures) {
    set.delete(val1);
    set.delete(val2);
  }
  return areEq;
}

function setHasEqualElement(set, val2, strict, memo) {
  const { deleteFailures } = memo;
  memo.deleteFailures = true;
  for (const val1 of set) {
    if (innerDeepEqual(val1, val2, strict, memo)) {
      // Matched elements are not compared again.
      set.delete(val1);
      memo.deleteFailures = deleteFailures;
      return true;
    }
  }
  memo.deleteFailures = deleteFailures;
  return false;
}

// For loose Set/Map comparison of primitives: the value that could loosely
// equal `prim` when it is unambiguous (undefined <-> null); false when no
// loosely equal primitive can exist; true when there may be several.
function findLooseMatchingPrimitives(prim) {
  switch (typeof prim) {
    case 'undefined':
      return null;
    case 'object': // Only null reaches here.
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      prim = +prim;
      // fall through
    case 'number':
      if (Number.isNaN(prim)) return false;
  }
  return true;
}

function setMightHaveLoosePrim(a, b, prim) {
  const altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) return altValue;
  return b.has(altValue) && !a.has(altValue);
}

function mapMightHaveLoosePrim(a, b, prim, item, memo) {
  const altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) return altValue;
  const curB = b.get(altValue);
  if ((curB === undefined && !b.has(altValue)) ||
      !innerDeepEqual(item, curB, false, memo)) {
    return false;
  }
  return !a.has(altValue) && innerDeepEqual(item, curB, false, memo);
}

function setEquiv(a, b, strict, memo) {
  // Entries of `a` without an identical entry in `b`, compared pairwise.
  let set = null;
  for (const val of a) {
    if (!b.has(val)) {
      if ((typeof val !== 'object' || val === null) &&
          (strict || !setMightHaveLoosePrim(a, b, val))) {
        return false;
      }
      if (set === null) {
        if (b.size === 1) {
          return innerDeepEqual(val, b.values().next().value, strict, memo);
        }
        set = new Set();
      }
      set.add(val);
    }
  }

  if (set !== null) {
    for (const val of b) {
      if (typeof val === 'object' && val !== null) {
        if (!a.has(val) && !setHasEqualElement(set, val, strict, memo)) return false;
      } else if (!strict && !a.has(val) && !setHasEqualElement(set, val, strict, memo)) {
        return false;
      }
    }
    return set.size === 0;
  }
  return true;
}

function mapHasEqualEntry(set, map, key2, item2, strict, memo) {
  // All matching keys are considered, so that
  // Map([[{}, 'a'], [{}, 'b']]) equals Map([[{}, 'b'], [{}, 'a']]).
  const { deleteFailures } = memo;
  memo.deleteFailures = true;
  for (const key1 of set) {
    if (innerDeepEqual(key1, key2, strict, memo) &&
        innerDeepEqual(map.get(key1), item2, strict, memo)) {
      set.delete(key1);
      memo.deleteFailures = deleteFailures;
      return true;
    }
  }
  memo.deleteFailures = deleteFailures;
  return false;
}

function mapEquiv(a, b, strict, memo) {
  let set = null;

  for (const { 0: key, 1: item1 } of a) {
    if (typeof key === 'object' && key !== null) {
      if (set === null) {
        if (b.size === 1) {
          const { 0: key2, 1: item2 } = b.entries().next().value;
          return innerDeepEqual(key, key2, strict, memo) &&
                 innerDeepEqual(item1, item2, strict, memo);
        }
        set = new Set();
      }
      set.add(key);
    } else {
      const item2 = b.get(key);
      if ((item2 === undefined && !b.has(key)) ||
          !innerDeepEqual(item1, item2, strict, memo)) {
        if (strict) return false;
        // Fast path for missing string, symbol, undefined and null keys.
        if (!mapMightHaveLoosePrim(a, b, key, item1, memo)) return false;
        if (set === null) set = new Set();
        set.add(key);
      }
    }
  }

  if (set !== null) {
    for (const { 0: key, 1: item } of b) {
      if (typeof key === 'object' && key !== null) {
        if (!mapHasEqualEntry(set, a, key, item, strict, memo)) return false;
      } else if (!strict &&
                 (!a.has(key) || !innerDeepEqual(a.get(key), item, strict, memo)) &&
                 !mapHasEqualEntry(set, a, key, item, strict, memo)) {
        return false;
      }
    }
    return set.size === 0;
  }
  return true;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }

  if (iterationType === kIsArray) {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn.call(a, i)) {
        if (!hasOwn.call(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn.call(b, i)) {
        return false;
      } else {
        // Sparse array: compare the remaining keys.
        const keysA = Object.keys(a);
        for (; i < keysA.length; i++) {
          const key = keysA[i];
          if (!hasOwn.call(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) {
            return false;
          }
        }
        return keysA.length === Object.keys(b).length;
      }
    }
  } else if (iterationType === kIsSet) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  }
  return true;
}

function isDeepEqual(val1, val2) {
  return innerDeepEqual(val1, val2, kLoose);
}

function isDeepStrictEqual(val1, val2) {
  return innerDeepEqual(val1, val2, kStrict);
}

module.exports = {
  isDeepEqual,
  isDeepStrictEqual,
  // Brand-check helpers, usable as util.types work-alikes.
  types: {
    isDate,
    isRegExp,
    isMap,
    isSet,
    isArrayBufferView,
    isAnyArrayBuffer,
    isArrayBuffer,
    isSharedArrayBuffer,
    isNumberObject,
    isStringObject,
    isBooleanObject,
    isBigIntObject,
    isSymbolObject,
    isBoxedPrimitive,
    isNativeError,
  },
};
