#!/usr/bin/env python3
"""Opens a Coauthor HTML report in headless Chromium and checks it works, through the DevTools
protocol (standard library only: a minimal WebSocket client is below).

  python3 scripts/browser_check.py REPORT.html --screenshot OUT.png [--person "Meg Tong"]
  python3 scripts/browser_check.py --hostile REPORT.html

Checks: the page loads with no console errors or uncaught exceptions; the search box finds the
person; hovering the person's circle in the co-authorship picture highlights exactly them and
their co-authors. Saves a screenshot of the top of the page. Prints one line per check; exit
status 0 when all pass, 1 when one fails, 2 when Chromium cannot be started.

--timing QUERY is for big reports (people.js beside the page): it measures, from navigation, the
time until the load event, until the full people list is loaded and searchable, and until a
search for QUERY lists results, and prints them (checks: no console errors, results found).

--hostile is for the report of the hostile corpus (Tests/CLITests/Fixtures/hostile), whose names and
titles call alert() or set window.__pwned when they run as script: it loads the page, types
hostile queries into the search box, hovers every node of every picture and sorts every table,
then checks that no JavaScript dialog opened (Page.javascriptDialogOpening), that
window.__pwned is undefined, that no element carries an inline event handler or a javascript:
URL, and that there were no console errors.
"""
import argparse, base64, json, os, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.request


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: text frames, client masking."""

    def __init__(self, url):
        assert url.startswith("ws://")
        hostport, path = url[5:].split("/", 1)
        host, port = hostport.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise IOError("websocket handshake: connection closed")
            response += chunk
        if b" 101 " not in response.split(b"\r\n", 1)[0]:
            raise IOError("websocket handshake failed: " + response.split(b"\r\n", 1)[0].decode())
        self.buffer = response.split(b"\r\n\r\n", 1)[1]

    def send(self, text):
        payload = text.encode()
        header = bytes([0x81])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise IOError("websocket closed")
            self.buffer += chunk
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def receive(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(n)
            opcode = b0 & 0x0F
            if opcode == 8:
                raise IOError("websocket closed by the browser")
            if opcode in (0, 1, 2):
                message += payload
                if b0 & 0x80:
                    return message.decode()


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="coauthor-chromium-")
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--hide-scrollbars", "--remote-debugging-port=0", f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not (os.path.exists(port_file) and open(port_file).read().count("\n") >= 1):
            if time.time() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("Chromium did not open its DevTools port")
            time.sleep(0.1)
        port = int(open(port_file).read().split("\n")[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = WebSocket(page["webSocketDebuggerUrl"])
        self.next_id = 0
        self.events = []
        self.dialogs = []  # messages of JavaScript dialogs (alert, confirm, prompt), each dismissed at once

    def _receive(self):
        """The next message; a JavaScript dialog is recorded and dismissed at once (it would block the page)."""
        message = json.loads(self.ws.receive())
        if message.get("method") == "Page.javascriptDialogOpening":
            self.dialogs.append(message["params"].get("message"))
            self.next_id += 1
            self.ws.send(json.dumps({"id": self.next_id, "method": "Page.handleJavaScriptDialog",
                                     "params": {"accept": False}}))
        return message

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        expected = self.next_id
        while True:
            message = self._receive()
            if message.get("id") == expected:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, e in enumerate(self.events):
                if e.get("method") == event:
                    return self.events.pop(i)
            self.events.append(self._receive())
        raise RuntimeError(f"timed out waiting for {event}")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails'].get('text')}: {expression[:80]}")
        return result["result"].get("value")

    def close(self):
        try:
            self.process.terminate()
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def console_errors(browser):
    """Console errors and uncaught exceptions, collected over the whole session."""
    browser.evaluate("0")
    errors = []
    for e in browser.events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.exceptionThrown":
            errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            errors.append(params["entry"].get("text", ""))
    return errors


def hostile(browser, report, check):
    """The hostile-corpus checks (see the module documentation)."""
    def drain():
        browser.evaluate("0")

    browser.call("Page.enable")
    browser.call("Runtime.enable")
    browser.call("Log.enable")
    browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=1600, deviceScaleFactor=1, mobile=False)
    browser.call("Page.navigate", url="file://" + os.path.abspath(report))
    browser.wait_for("Page.loadEventFired")
    time.sleep(0.3)
    drain()
    title = browser.evaluate("document.title")
    check(bool(title), f"page loads (title: {title[:60]!r})")
    figures = browser.evaluate("document.querySelectorAll('figure svg').length")
    check(figures >= 4, f"{figures} pictures inline")
    # The report's own scripts: the data block and the one inline script, nothing else.
    scripts = browser.evaluate("Array.from(document.scripts).map(s=>s.type||'js')")
    check(scripts == ["application/json", "js"], f"only the report's two scripts ({scripts})")
    handlers = browser.evaluate("""(function(){var bad=[];document.querySelectorAll('*').forEach(function(e){
      for(var a of e.attributes){var v=(a.value||'').trim().toLowerCase();
        if(/^on/i.test(a.name)||((a.name==='href'||a.name==='src'||a.name==='xlink:href')&&v.startsWith('javascript:')))
          bad.push(e.tagName+'['+a.name+']');}});return bad;})()""")
    check(not handlers, f"no inline event handlers or javascript: URLs ({handlers[:5]})")
    # The interactive parts draw names from the data block: search, hover, sort.
    queries = ["<", "script", "img", "\"", "'", "&", "javascript", "]]>", "-->", "Ann", "L"]
    shown = 0
    for q in queries:
        shown += browser.evaluate(f"""(function(){{var i=document.getElementById('person-search');if(!i)return 0;
          i.value={json.dumps(q)};i.dispatchEvent(new Event('input',{{bubbles:true}}));
          return document.querySelectorAll('#search-results li').length;}})()""") or 0
        drain()
    check(shown > 0, f"search lists hostile names ({shown} results over {len(queries)} queries)")
    nodes = browser.evaluate("""(function(){var out=[];document.querySelectorAll('figure svg .node').forEach(function(n){
      n.scrollIntoView({block:'center'});var r=n.getBoundingClientRect();
      n.dispatchEvent(new MouseEvent('mouseover',{bubbles:true,clientX:r.left+1,clientY:r.top+1}));
      n.dispatchEvent(new MouseEvent('mousemove',{bubbles:true,clientX:r.left+1,clientY:r.top+1}));
      n.dispatchEvent(new MouseEvent('mouseout',{bubbles:true}));out.push(1);});return out.length;})()""")
    check(nodes > 10, f"hovered {nodes} nodes")
    drain()
    browser.evaluate("document.querySelectorAll('thead th').forEach(function(th){th.click();th.click();})")
    time.sleep(0.3)
    drain()
    pwned = browser.evaluate("typeof window.__pwned")
    check(pwned == "undefined", f"no injected script ran (typeof window.__pwned: {pwned})")
    check(not browser.dialogs, f"no JavaScript dialog opened ({browser.dialogs})")
    errors = console_errors(browser)
    check(not errors, f"no console errors ({errors})")


def timing(browser, report, query, check):
    """The --timing measurements (see the module documentation)."""
    browser.call("Page.enable")
    browser.call("Runtime.enable")
    browser.call("Log.enable")
    size = os.path.getsize(report)
    people = os.path.join(os.path.dirname(os.path.abspath(report)), "people.js")
    extra = f", people.js {os.path.getsize(people) / 1e6:.1f} MB" if os.path.exists(people) else ""
    start = time.time()
    browser.call("Page.navigate", url="file://" + os.path.abspath(report))
    browser.wait_for("Page.loadEventFired", timeout=120)
    loaded = time.time() - start
    check(True, f"report.html {size / 1e6:.1f} MB{extra}: load event after {loaded:.2f} s")
    # Type at once: the inline list (people with a profile) answers until people.js is in.
    browser.evaluate(f"(function(){{var i=document.getElementById('person-search');i.value={json.dumps(query)};"
                     "i.dispatchEvent(new Event('input',{bubbles:true}));})()")
    first = browser.evaluate("document.querySelectorAll('#search-results li.hit').length")
    check(True, f"search {query!r} right after load: {first} results from the inline list ({time.time() - start:.2f} s)")
    deadline = time.time() + 120
    full = None
    while time.time() < deadline:
        full = browser.evaluate("window.coauthorPeopleLoaded||null")
        if full or not browser.evaluate("!!JSON.parse(document.getElementById('coauthor-data').textContent).peopleFile"):
            break
        time.sleep(0.05)
    ready = time.time() - start
    check(full is not None or "people.js" not in extra, f"full people list searchable after {ready:.2f} s ({full} people)")
    t0 = time.time()
    hits = browser.evaluate(f"(function(){{var i=document.getElementById('person-search');i.value={json.dumps(query)};"
                            "i.dispatchEvent(new Event('input',{bubbles:true}));"
                            "return Array.from(document.querySelectorAll('#search-results li.hit')).map(l=>l.firstChild.textContent);})()")
    check(bool(hits), f"search {query!r} over everyone: {len(hits or [])} results in {time.time() - t0:.3f} s "
          f"({time.time() - start:.2f} s after navigation): {(hits or [])[:3]}")
    errors = console_errors(browser)
    check(not errors, f"no console errors ({errors})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--screenshot")
    parser.add_argument("--timing", metavar="QUERY", help="measure opening and searching a big report (see above)")
    parser.add_argument("--hostile", action="store_true", help="check that the hostile corpus's report runs no injected script")
    parser.add_argument("--person", default="Meg Tong")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    args = parser.parse_args()

    try:
        browser = Browser(args.chromium)
    except Exception as error:
        print(f"SKIP chromium could not be started: {error}")
        return 2
    failures = []

    def check(ok, text):
        print(("ok   " if ok else "FAIL ") + text)
        if not ok:
            failures.append(text)

    if args.timing:
        try:
            timing(browser, args.report, args.timing, check)
        except Exception as error:
            check(False, f"browser session failed: {error}")
        finally:
            browser.close()
        return 1 if failures else 0
    if args.hostile:
        try:
            hostile(browser, args.report, check)
        except Exception as error:
            check(False, f"browser session failed: {error}")
        finally:
            browser.close()
        return 1 if failures else 0
    if not args.screenshot:
        parser.error("--screenshot is required (except with --hostile)")

    try:
        browser.call("Page.enable")
        browser.call("Runtime.enable")
        browser.call("Log.enable")
        browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=1600, deviceScaleFactor=1, mobile=False)
        browser.call("Page.navigate", url="file://" + os.path.abspath(args.report))
        browser.wait_for("Page.loadEventFired")
        time.sleep(0.3)
        browser.evaluate("0")  # drain events that arrived during load

        title = browser.evaluate("document.title")
        check(bool(title) and "Co-authorship report" in title, f"page loads (title: {title!r})")
        svgs = browser.evaluate("document.querySelectorAll('figure svg').length")
        check(svgs >= 4, f"{svgs} pictures inline")
        external = browser.evaluate(
            "Array.from(document.querySelectorAll('[src],link[href],script[src]')).map(e=>e.getAttribute('src')||e.getAttribute('href'))")
        check(not external, f"no external resources ({external})")

        # Search.
        query = args.person.split()[-1][:4]
        browser.evaluate(f"(function(){{var i=document.getElementById('person-search');i.value={json.dumps(query)};"
                         "i.dispatchEvent(new Event('input',{bubbles:true}));})()")
        hits = browser.evaluate("Array.from(document.querySelectorAll('#search-results li a, #search-results li strong')).map(a=>a.textContent)")
        check(args.person in (hits or []), f"search {query!r} finds {args.person!r} (results: {hits})")
        link = browser.evaluate(f"(function(){{var a=Array.from(document.querySelectorAll('#search-results a')).find(a=>a.textContent==={json.dumps(args.person)});"
                                "return a?a.getAttribute('href'):null;})()")
        target = browser.evaluate(f"!!document.getElementById({json.dumps((link or '#')[1:])})") if link else False
        check(bool(target), f"search result links to the profile ({link})")

        # Hover highlights neighbours.
        info = browser.evaluate(f"""(function(){{
          var data=JSON.parse(document.getElementById('coauthor-data').textContent).figures.authors;
          var i=data.names.indexOf({json.dumps(args.person)});
          if(i<0)return null;
          document.getElementById('person-search').value='';
          document.getElementById('person-search').dispatchEvent(new Event('input'));
          window.coauthorFigures.authors.clear();
          var el=document.getElementById(data.prefix+'n'+i);
          el.scrollIntoView({{block:'center'}});
          var r=el.querySelector('ellipse').getBoundingClientRect();
          return {{x:r.left+r.width/2,y:r.top+r.height/2,neighbours:data.neighbours[i].length}};
        }})()""")
        check(info is not None, f"{args.person} is in the co-authorship picture")
        if info:
            time.sleep(0.2)
            browser.call("Input.dispatchMouseEvent", type="mouseMoved", x=info["x"], y=info["y"])
            time.sleep(0.4)
            lit = browser.evaluate("document.querySelectorAll('#figure-authors .node.hl').length")
            focused = browser.evaluate("document.querySelector('#figure-authors svg').classList.contains('focused')")
            check(focused and lit == info["neighbours"] + 1,
                  f"hover highlights {args.person} and their {info['neighbours']} co-authors ({lit} highlighted)")
            browser.call("Input.dispatchMouseEvent", type="mouseMoved", x=5, y=5)
            time.sleep(0.2)

        # Sortable tables.
        sorted_ok = browser.evaluate("""(function(){
          var t=Array.from(document.querySelectorAll('table')).find(t=>t.tBodies[0]&&t.tBodies[0].rows.length>3);
          if(!t)return true;var th=t.querySelector('thead th');th.click();var a=th.getAttribute('aria-sort');th.click();
          return a!==null&&th.getAttribute('aria-sort')!==a;})()""")
        check(bool(sorted_ok), "table headers sort")

        # Console errors and exceptions, collected over the whole session.
        errors = console_errors(browser)
        check(not errors, f"no console errors ({errors})")

        # The screenshot: the search in use, the person highlighted in the co-authorship picture.
        browser.evaluate(f"""(function(){{var i=document.getElementById('person-search');i.value={json.dumps(query)};
          i.dispatchEvent(new Event('input'));
          var f=document.getElementById('figure-authors');window.scrollTo(0,f.getBoundingClientRect().top+window.scrollY-150);}})()""")
        time.sleep(0.4)
        shot = browser.call("Page.captureScreenshot", format="png")
        with open(args.screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        check(os.path.getsize(args.screenshot) > 10000, f"screenshot saved to {args.screenshot}")
    except Exception as error:
        check(False, f"browser session failed: {error}")
    finally:
        browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
