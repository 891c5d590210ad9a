#!/usr/bin/env python3
"""Run Node's own test/parallel tests on weft and report what passes.

Node's sources are not part of this repository: they are fetched once with
`apt-get source nodejs` into a cache directory (or given with --node-src).
The tests run from a scratch tree whose test/common is our own stand-in
(compat/node-tests/common), not Node's.

    compat/node-tests/run.py                      # test/parallel/test-net-*.js
    compat/node-tests/run.py test-net-pingpong    # some tests (names or globs)
    compat/node-tests/run.py --update-expected    # rewrite expected-pass.txt

Exit status: 0 when every test in expected-pass.txt that ran passed, 1 on a
regression, 2 on a setup problem.
"""

import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CACHE = os.path.join(os.environ.get('XDG_CACHE_HOME', os.path.expanduser('~/.cache')),
                     'weft-node-tests')
EXPECTED = os.path.join(HERE, 'expected-pass.txt')
DEFAULT_TESTS = ['test/parallel/test-net-*.js']
# --extended adds Node's other tests of net, dns.lookup, pipes and socket timers.
EXTENDED_TESTS = [
    'test/sequential/test-net-*.js',
    'test/parallel/test-pipe-*.js',
    'test/parallel/test-socket-*.js',
    'test/parallel/test-tcp-*.js',
    'test/parallel/test-dns-lookup*.js',
    'test/parallel/test-destroy-socket-in-lookup.js',
    'test/parallel/test-listen-fd-ebadf.js',
    'test/parallel/test-stream-base-typechecking.js',
    'test/parallel/test-timers-socket-timeout-removes-other-socket-unref-timer.js',
    'test/parallel/test-timers-unrefed-in-callback.js',
    'test/parallel/test-blocklist.js',
]

# Tests that need something weft does not aim to provide, or cannot run here.
# Reasons are printed in the table; keep one line per test.
SKIP = {
    'test-net-access-byteswritten.js': 'tls',
    'test-net-child-process-connect-reset.js': 'child_process',
    'test-net-listen-exclusive-random-ports.js': 'cluster',
    'test-net-listen-handle-in-cluster-1.js': 'cluster',
    'test-net-listen-handle-in-cluster-2.js': 'cluster',
    'test-net-listen-twice.js': 'cluster',
    'test-net-server-close-before-ipc-response.js': 'cluster',
    'test-net-socket-constructor.js': 'cluster',
    'test-net-connect-memleak.js': '--expose-gc',
    'test-net-write-fully-async-buffer.js': '--expose-gc',
    'test-net-write-fully-async-hex-string.js': '--expose-gc',
    'test-net-autoselectfamily-attempt-timeout-cli-option.js':
        'node CLI option --network-family-autoselection-attempt-timeout',
    'test-net-autoselectfamily-commandline-option.js':
        'node CLI option --no-network-family-autoselection',
}

# Found in a test's source, these mark it skipped (checked after SKIP).
SKIP_PATTERNS = [
    (re.compile(r'--expose[-_]internals|internalBinding\(|require\(\'internal/'),
     '--expose-internals / internalBinding'),
    (re.compile(r'require\([\'"](node:)?cluster[\'"]\)'), 'cluster'),
    (re.compile(r'require\([\'"](node:)?worker_threads[\'"]\)'), 'worker_threads'),
    (re.compile(r'require\([\'"](node:)?inspector[\'"]\)'), 'inspector'),
    (re.compile(r'require\([\'"](node:)?(http|https|http2|tls)[\'"]\)'), 'http/tls'),
    (re.compile(r'--expose[-_]gc|common/gc'), '--expose-gc'),
    (re.compile(r'process\.execPath'), 'child_process'),
    (re.compile(r'require\([\'"](node:)?child_process[\'"]\)'), 'child_process'),
]

# `// Flags:` values that do not change what the test checks.
HARMLESS_FLAGS = {'--no-warnings'}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Node's sources

def looks_like_node_src(p):
    return os.path.isfile(os.path.join(p, 'test', 'parallel', 'test-net-pingpong.js'))


def find_node_src(arg):
    if arg:
        if not looks_like_node_src(arg):
            sys.exit(f'--node-src {arg}: no test/parallel there')
        return os.path.abspath(arg)
    env = os.environ.get('WEFT_NODE_SRC')
    if env and looks_like_node_src(env):
        return os.path.abspath(env)
    src = os.path.join(CACHE, 'src')
    found = sorted(d for d in glob.glob(os.path.join(src, 'nodejs-*')) + glob.glob(os.path.join(src, 'node-v*'))
                   if looks_like_node_src(d))
    if found:
        return found[-1]
    return fetch_node_src(src)


def fetch_node_src(dest):
    """apt-get source nodejs into dest (needs deb-src entries; no root)."""
    os.makedirs(dest, exist_ok=True)
    if shutil.which('apt-get') is None:
        log('apt-get not found: pass --node-src DIR (an unpacked Node source tree)')
        sys.exit(2)
    log(f'fetching Node sources with `apt-get source nodejs` into {dest} ...')
    r = subprocess.run(['apt-get', 'source', '--download-only', 'nodejs'], cwd=dest)
    if r.returncode == 0:
        dscs = sorted(glob.glob(os.path.join(dest, 'nodejs_*.dsc')))
        if dscs and shutil.which('dpkg-source'):
            subprocess.run(['dpkg-source', '--no-check', '--skip-patches', '-x', dscs[-1]], cwd=dest)
        else:
            # No dpkg-source: unpack the upstream tarball ourselves.
            for tar in sorted(glob.glob(os.path.join(dest, 'nodejs_*.orig.tar.*'))):
                subprocess.run(['tar', 'xf', tar], cwd=dest)
    found = sorted(d for d in glob.glob(os.path.join(dest, 'nodejs-*')) + glob.glob(os.path.join(dest, 'node-v*'))
                   if looks_like_node_src(d))
    if not found:
        log('could not fetch Node sources (are deb-src lines in /etc/apt/sources.list*?); '
            'pass --node-src DIR')
        sys.exit(2)
    return found[-1]


# ---------------------------------------------------------------------------
# The scratch tree: test/common is ours, test/fixtures is Node's.

def make_tree(node_src, root):
    test = os.path.join(root, 'test')
    os.makedirs(os.path.join(test, 'parallel'), exist_ok=True)
    common = os.path.join(test, 'common')
    if os.path.islink(common) or os.path.isfile(common):
        os.unlink(common)
    elif os.path.isdir(common):
        shutil.rmtree(common)
    shutil.copytree(os.path.join(HERE, 'common'), common)
    fixtures = os.path.join(test, 'fixtures')
    if not os.path.lexists(fixtures):
        os.symlink(os.path.join(node_src, 'test', 'fixtures'), fixtures)
    return test


def select_tests(node_src, patterns, extended=False):
    pats = list(patterns or DEFAULT_TESTS)
    if extended:
        pats += EXTENDED_TESTS
    out = []
    for p in pats:
        if not p.endswith('.js') and '*' not in p:
            p += '.js'
        if '/' not in p:
            p = 'test/parallel/' + p
        hits = sorted(glob.glob(os.path.join(node_src, p)))
        if not hits:
            log(f'no test matches {p}')
        out.extend(hits)
    seen = set()
    return [t for t in out if not (t in seen or seen.add(t))]


def static_skip(path, source):
    name = test_name(path)
    if name in SKIP:
        return SKIP[name]
    m = re.search(r'^//\s*Flags:(.*)$', source, re.M)
    for rx, reason in SKIP_PATTERNS:
        if rx.search(source):
            return reason
    if m:
        flags = [f for f in m.group(1).split() if f not in HARMLESS_FLAGS]
        if flags:
            return 'node CLI flags ' + ' '.join(flags)
    return None


# ---------------------------------------------------------------------------
# Running

ERROR_LINE = re.compile(
    r'^\s*(Uncaught )?([A-Za-z]*Error|AssertionError|Mismatched|Error)\b.*|'
    r'^\s*(node:)?internal.*Error.*|.*\bERR_[A-Z_]+\b.*|.*\bE[A-Z]{3,}\b.*')


def first_error(text):
    lines = [l.rstrip() for l in text.splitlines() if l.strip()]

    def with_detail(i):
        # "Expected values to be strictly equal:" says more with its next line.
        line = lines[i].strip()
        if line.endswith(':') and i + 1 < len(lines) and not lines[i + 1].strip().startswith('at '):
            line += ' ' + lines[i + 1].strip()
        return line

    for i, l in enumerate(lines):
        if re.match(r'^\s*(Uncaught )?(\w*Error|Mismatched|AssertionError)\b', l):
            return with_detail(i)
    for i, l in enumerate(lines):
        if ERROR_LINE.match(l) and not l.strip().startswith('at '):
            return with_detail(i)
    return lines[0].strip() if lines else ''


def test_name(path):
    """`test-x.js` for test/parallel, `sequential/test-x.js` for other directories."""
    d = os.path.basename(os.path.dirname(path))
    base = os.path.basename(path)
    return base if d == 'parallel' else f'{d}/{base}'


def run_one(weft, test_dir, path, timeout, slot, env_extra):
    name = test_name(path)
    subdir = os.path.basename(os.path.dirname(path))
    os.makedirs(os.path.join(test_dir, subdir), exist_ok=True)
    rel = os.path.join('test', subdir, os.path.basename(path))
    shutil.copyfile(path, os.path.join(test_dir, subdir, os.path.basename(path)))
    env = dict(os.environ)
    env.update(env_extra)
    env['TEST_THREAD_ID'] = str(slot)
    env['NODE_TEST_DIR'] = test_dir
    env.setdefault('NODE_COMMON_PORT', str(12346 + slot * 100))
    start = time.time()
    p = subprocess.Popen([weft, rel],
                         cwd=os.path.dirname(test_dir), env=env,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        status = None
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        status = 'timeout'
    elapsed = time.time() - start
    out = out.decode('utf-8', 'replace')
    err = err.decode('utf-8', 'replace')
    if status is None:
        m = re.search(r'^1\.\.0 # Skipped: ?(.*)$', out, re.M)
        if p.returncode == 0 and m:
            status, detail = 'skip', m.group(1).strip()
        elif p.returncode == 0:
            status, detail = 'pass', ''
        else:
            status = 'fail'
            code = p.returncode if p.returncode >= 0 else f'signal {-p.returncode}'
            detail = first_error(err) or first_error(out) or f'exit {code}'
    else:
        detail = f'no exit after {timeout:g}s'
    return {'name': name, 'status': status, 'detail': detail, 'time': elapsed,
            'stdout': out, 'stderr': err, 'code': p.returncode}


def read_expected():
    try:
        with open(EXPECTED) as f:
            return {l.strip() for l in f if l.strip() and not l.startswith('#')}
    except FileNotFoundError:
        return set()


def write_expected(results, old, ran):
    # Keep expectations of tests that did not run this time.
    keep = {t for t in old if t not in ran}
    passing = keep | {r['name'] for r in results if r['status'] == 'pass'}
    with open(EXPECTED, 'w') as f:
        f.write('# Node tests that pass on weft (compat/node-tests/run.py --update-expected).\n')
        for t in sorted(passing):
            f.write(t + '\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('tests', nargs='*', help='test names or globs (default: test/parallel/test-net-*.js)')
    ap.add_argument('--node-src', help='an unpacked Node source tree (default: fetched into ' + CACHE + ')')
    ap.add_argument('--weft', default=os.path.join(REPO, 'target', 'debug', 'weft'), help='the weft binary')
    ap.add_argument('--js-dir', default=os.path.join(REPO, 'crates', 'weft', 'js'),
                    help='WEFT_JS_DIR: run built-ins from these sources ("" for the embedded ones)')
    ap.add_argument('-j', '--jobs', type=int, default=2)
    ap.add_argument('-t', '--timeout', type=float, default=20.0, help='seconds per test')
    ap.add_argument('--work', default=os.path.join(CACHE, 'work'), help='scratch directory for the test tree')
    ap.add_argument('--update-expected', action='store_true', help='rewrite expected-pass.txt from this run')
    ap.add_argument('-v', '--verbose', action='store_true', help="print each failure's output")
    ap.add_argument('--no-skip', action='store_true', help='run the tests of the skip list too')
    ap.add_argument('--extended', action='store_true',
                    help='also run the other net-related tests (sequential/test-net-*, pipe, socket, dns.lookup)')
    args = ap.parse_args()

    weft = os.path.abspath(args.weft)
    if not os.access(weft, os.X_OK):
        log(f'{weft}: not found (build weft first, or pass --weft)')
        return 2
    node_src = find_node_src(args.node_src)
    tests = select_tests(node_src, args.tests, args.extended)
    if not tests:
        return 2
    os.makedirs(args.work, exist_ok=True)
    test_dir = make_tree(node_src, os.path.abspath(args.work))
    env_extra = {}
    if args.js_dir:
        env_extra['WEFT_JS_DIR'] = os.path.abspath(args.js_dir)

    results = []
    to_run = []
    for t in tests:
        with open(t, encoding='utf-8', errors='replace') as f:
            reason = None if args.no_skip else static_skip(t, f.read())
        if reason:
            results.append({'name': test_name(t), 'status': 'skip', 'detail': reason, 'time': 0})
        else:
            to_run.append(t)

    jobs = max(1, args.jobs)
    free = list(range(jobs))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        pending = {}
        queue = list(to_run)
        while queue or pending:
            while queue and free:
                slot = free.pop()
                t = queue.pop(0)
                fut = ex.submit(run_one, weft, test_dir, t, args.timeout, slot, env_extra)
                pending[fut] = slot
            done, _ = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for fut in done:
                free.append(pending.pop(fut))
                r = fut.result()
                results.append(r)
                if args.verbose and r['status'] in ('fail', 'timeout'):
                    log(f"==== {r['name']} ({r['status']}, exit {r.get('code')})")
                    log((r['stdout'][-3000:] + r['stderr'][-6000:]).rstrip())

    results.sort(key=lambda r: r['name'])
    width = max(len(r['name']) for r in results)
    for r in results:
        detail = r['detail'][:150]
        print(f"{r['name']:<{width}}  {r['status']:<7}  {detail}")

    counts = {k: sum(1 for r in results if r['status'] == k) for k in ('pass', 'fail', 'timeout', 'skip')}
    expected = read_expected()
    ran = {r['name'] for r in results}
    regressions = sorted(r['name'] for r in results if r['name'] in expected and r['status'] != 'pass')
    newly = sorted(r['name'] for r in results if r['name'] not in expected and r['status'] == 'pass')
    print()
    label = 'selected' if args.tests else ('net (extended)' if args.extended else 'net')
    print(f"{label}: {counts['pass']} passed, {counts['fail'] + counts['timeout']} failed "
          f"({counts['timeout']} timed out), {counts['skip']} skipped")
    if newly and (len(newly) <= 20 or args.verbose):
        print(f"newly passing (not in expected-pass.txt): {' '.join(newly)}")
    elif newly:
        print(f'{len(newly)} newly passing tests are not in expected-pass.txt (--update-expected adds them)')
    if regressions:
        print(f"REGRESSIONS (expected to pass): {' '.join(regressions)}")
    if args.update_expected:
        write_expected(results, expected, ran)
        print(f'wrote {os.path.relpath(EXPECTED)}')
    return 1 if regressions and not args.update_expected else 0


if __name__ == '__main__':
    sys.exit(main())
