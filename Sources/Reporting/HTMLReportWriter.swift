import Analysis
import Bibliography
import Foundation
import GraphCore
import TextEscaping

/// Writes a ``ReportDocument`` as one self-contained HTML page: styles and a small script
/// inline, pictures as inline SVG, data as JSON in a `<script type="application/json">`
/// element, no external resources (works offline). All text is escaped for where it goes by the
/// TextEscaping module, after its one rule for control and bidi characters: HTML text
/// (`XML.text`), attribute values (`XML.attribute`), JSON inside `<script>` (`JSON`, script-safe).
/// The inline SVG pictures come from Graphviz, which wrote them from DOT text already escaped by
/// the same rule (`DOT`).
///
/// The script makes the page interactive: hovering a node of a picture dims everything but the
/// node, its neighbours and their links; a search box finds researchers (ignoring case and
/// accents) and highlights them in the co-authorship picture; table columns sort on click.
/// Nodes link to profiles with plain `#anchor` links, which work without the script.
public struct HTMLReportWriter: Sendable {
  /// SVG text by figure key (`authors`, `fellows`, `tags`, `communities`, `growth-<year>`).
  public var svgs: [String: String]
  /// Which SVG element is which node, by figure key (for hover highlighting).
  public var figureIndex: [String: FigureIndex]
  /// When set, the page embeds only the people with a profile in its search data and loads the
  /// full list from this file beside it (``peopleScript(_:)``, a `<script src>` data file, which
  /// works from `file://`, where `fetch` does not); `nil` embeds everyone.
  public var peopleFile: String?

  public init(svgs: [String: String] = [:], figureIndex: [String: FigureIndex] = [:], peopleFile: String? = nil) {
    self.svgs = svgs
    self.figureIndex = figureIndex
    self.peopleFile = peopleFile
  }

  static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;max-width:72rem;margin:0 auto;padding:1.5rem;color:#1b1b1b;line-height:1.5}
    h1{font-size:1.8rem;border-bottom:2px solid #0072B2;padding-bottom:.3rem}
    h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
    table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem}
    th,td{border:1px solid #ddd;padding:.3rem .55rem;vertical-align:top;text-align:left}
    th{background:#f3f6f9}
    td.num{text-align:right;font-variant-numeric:tabular-nums}
    tr:nth-child(even) td{background:#fafafa}
    figure{margin:1rem 0;border:1px solid #e3e3e3;border-radius:6px;padding:.5rem;overflow:auto;background:#fff}
    figure svg{max-width:100%;height:auto}
    figcaption{color:#555;font-size:.9rem;margin-top:.3rem}
    code{background:#f1f1f1;padding:0 .25rem;border-radius:3px}
    nav{background:#f7f9fb;border:1px solid #e3e8ee;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
    nav a{margin-right:1rem}
    :target{background:#fff3bf}
    .search{position:sticky;top:0;z-index:5;background:#fff;border:1px solid #cfd8e3;border-radius:6px;padding:.5rem .8rem;margin:1rem 0;box-shadow:0 1px 4px rgba(0,0,0,.06)}
    .search input{font-size:1rem;padding:.3rem .5rem;width:min(28rem,90%);border:1px solid #aab;border-radius:4px}
    .search ul{list-style:none;margin:.3rem 0 0;padding:0;max-height:14rem;overflow:auto}
    .search li{padding:.1rem 0}
    .search li span{color:#666;font-size:.85rem;margin-left:.5rem}
    .search li.status{color:#7a5200;font-size:.85rem}
    th.sortable{cursor:pointer;user-select:none}
    th.sortable::after{content:" \\2195";color:#99a;font-size:.8em}
    th[aria-sort=ascending]::after{content:" \\25B2"}
    th[aria-sort=descending]::after{content:" \\25BC"}
    .strip{display:flex;flex-wrap:wrap;gap:.5rem}
    .strip>div{flex:1 1 15rem;min-width:12rem;text-align:center;font-size:.85rem;color:#444}
    .node,.edge{transition:opacity .15s}
    svg.focused .node:not(.hl):not([id$=legend]){opacity:.15}
    svg.focused .edge:not(.hl){opacity:.05}
    svg .node.hl ellipse{stroke:#000}
    svg .node.centre ellipse{stroke:#D55E00;stroke-width:4}
    .chart text{font-size:11px;fill:#333}
    """

  /// The page script. Reads `#coauthor-data`; builds every element with `textContent`, never
  /// `innerHTML`, so names stay text.
  static let script = """
    (function(){
    "use strict";
    var data=JSON.parse(document.getElementById("coauthor-data").textContent);
    var figures={};
    Object.keys(data.figures).forEach(function(key){
      var fig=data.figures[key];
      var root=document.getElementById("figure-"+key);
      var svg=root&&root.querySelector("svg");
      if(!svg)return;
      var nodes=fig.names.map(function(_,i){return document.getElementById(fig.prefix+"n"+i);});
      var edges=fig.edges.map(function(_,e){return document.getElementById(fig.prefix+"e"+e);});
      var incident=fig.names.map(function(){return [];});
      fig.edges.forEach(function(uv,e){incident[uv[0]].push(e);incident[uv[1]].push(e);});
      function clear(){svg.classList.remove("focused");svg.querySelectorAll(".hl").forEach(function(x){x.classList.remove("hl","centre");});}
      function focus(i){
        clear();svg.classList.add("focused");
        if(nodes[i])nodes[i].classList.add("hl","centre");
        fig.neighbours[i].forEach(function(j){if(nodes[j])nodes[j].classList.add("hl");});
        incident[i].forEach(function(e){if(edges[e])edges[e].classList.add("hl");});
      }
      nodes.forEach(function(el,i){if(!el)return;el.addEventListener("mouseenter",function(){focus(i);});el.addEventListener("mouseleave",clear);});
      figures[key]={focus:focus,clear:clear,names:fig.names,svg:svg};
    });
    window.coauthorFigures=figures;
    function fold(s){return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g,"").toLowerCase();}
    var input=document.getElementById("person-search"),list=document.getElementById("search-results");
    if(input&&list){
      var people=data.people.map(function(p){return {p:p,key:fold(p.name)};});
      // A big report keeps its full people list beside the page (people.js: gzip, base64),
      // loaded by a script element because fetch() is refused for file:// pages.
      var status=null;
      if(data.peopleFile){
        status="Loading all "+data.peopleCount.toLocaleString("en-US")+" researchers from "+data.peopleFile+"\\u2026 (until then: the "+people.length.toLocaleString("en-US")+" with a profile)";
        var tag=document.createElement("script");
        tag.src=data.peopleFile;
        tag.onerror=function(){status=data.peopleFile+" was not found beside this page: searching only the "+people.length.toLocaleString("en-US")+" researchers with a profile (of "+data.peopleCount.toLocaleString("en-US")+"); the Markdown report and coauthor rank list everyone.";show();};
        tag.onload=function(){
          var packed=window.coauthorPeople,bin=atob(packed.gzip),bytes=new Uint8Array(bin.length);
          for(var i=0;i<bin.length;i++)bytes[i]=bin.charCodeAt(i);
          new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text().then(function(text){
            people=JSON.parse(text).map(function(r){return {p:{name:r[0],anchor:r[1],detail:r[2]},key:fold(r[0])};});
            status=null;window.coauthorPeopleLoaded=people.length;show();
          }).catch(function(e){status="Could not read "+data.peopleFile+" ("+e+"): searching only the researchers with a profile.";show();});
        };
        document.head.appendChild(tag);
      }
      function highlight(name){
        var f=figures.authors;if(!f)return;var i=f.names.indexOf(name);
        if(i>=0){f.focus(i);}else{f.clear();}
      }
      function show(){
        var q=fold(input.value.trim());list.textContent="";
        if(!q)return;
        if(status){var note=document.createElement("li");note.className="status";note.textContent=status;list.appendChild(note);}
        var hits=[];
        for(var k=0;k<people.length&&hits.length<12;k++){if(people[k].key.indexOf(q)>=0)hits.push(people[k]);}
        if(!hits.length){var li=document.createElement("li");li.textContent="No researcher matches.";list.appendChild(li);return;}
        hits.forEach(function(h){
          var li=document.createElement("li");li.className="hit";
          var a=document.createElement(h.p.anchor?"a":"strong");a.textContent=h.p.name;
          if(h.p.anchor)a.href="#"+h.p.anchor;
          var span=document.createElement("span");span.textContent=h.p.detail;
          li.appendChild(a);li.appendChild(span);
          li.addEventListener("mouseenter",function(){highlight(h.p.name);});
          list.appendChild(li);
        });
        highlight(hits[0].p.name);
      }
      input.addEventListener("input",show);
      input.addEventListener("keydown",function(ev){
        if(ev.key!=="Enter")return;var a=list.querySelector("li.hit a");if(a)location.hash=a.getAttribute("href").slice(1);
      });
    }
    // Numbers as shown: thousands separators and the "≈" of estimates dropped; "–" sorts last.
    function num(s){var v=parseFloat(s.replace(/[^0-9.eE+\\-]/g,""));return isNaN(v)?-Infinity:v;}
    document.querySelectorAll("table").forEach(function(table){
      var heads=table.querySelectorAll("thead th"),body=table.tBodies[0];
      if(!body||body.rows.length<2)return;
      heads.forEach(function(th,col){
        th.classList.add("sortable");th.setAttribute("tabindex","0");
        function sort(){
          var numeric=body.rows[0].cells[col]&&body.rows[0].cells[col].classList.contains("num");
          var dir=th.getAttribute("aria-sort")==="descending"?1:-1;
          if(th.getAttribute("aria-sort")===null&&!numeric)dir=1;
          heads.forEach(function(h){h.removeAttribute("aria-sort");});
          th.setAttribute("aria-sort",dir===1?"ascending":"descending");
          var rows=Array.prototype.slice.call(body.rows);
          rows.sort(function(a,b){
            var x=a.cells[col]?a.cells[col].textContent:"",y=b.cells[col]?b.cells[col].textContent:"";
            if(numeric){var nx=num(x),ny=num(y);return dir*(nx===ny?0:nx<ny?-1:1);}
            return dir*x.localeCompare(y);
          });
          rows.forEach(function(r){body.appendChild(r);});
        }
        th.addEventListener("click",sort);
        th.addEventListener("keydown",function(ev){if(ev.key==="Enter")sort();});
      });
    });
    })();
    """

  public func write(_ document: ReportDocument) -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>\(XML.text(document.title))</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
    out += "<h1>\(XML.text(document.title))</h1>\n"
    let sections = document.blocks.compactMap { b -> (String, String)? in
      if case .heading(2, let text, let anchor) = b { return (text, anchor) }
      return nil
    }
    out += "<nav>" + sections.map { "<a href=\"#\(XML.attribute($0.1))\">\(XML.text($0.0))</a>" }.joined(separator: " ") + "</nav>\n"
    for block in document.blocks {
      switch block {
      case .heading(let level, let text, let anchor):
        out += "<h\(level) id=\"\(XML.attribute(anchor))\">\(XML.text(text))</h\(level)>\n"
      case .paragraph(let inlines):
        out += "<p>" + Self.inline(inlines) + "</p>\n"
      case .bullets(let items):
        out += "<ul>\n" + items.map { "<li>" + Self.inline($0) + "</li>\n" }.joined() + "</ul>\n"
      case .table(let headers, let rows, let numeric):
        out += "<table>\n<thead><tr>" + headers.map { "<th>\(XML.text($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
          out += "<tr>"
          for (i, cell) in row.enumerated() {
            out += (i < numeric.count && numeric[i] ? "<td class=\"num\">" : "<td>") + Self.inline(cell) + "</td>"
          }
          out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
      case .figure(let key, let caption):
        out += "<figure id=\"figure-\(XML.attribute(key))\">\n"
        if let svg = svgs[key] {
          out += Self.inlineSVG(svg)
        } else {
          out += "<p><em>(picture not rendered)</em></p>\n"
        }
        out += "<figcaption>\(XML.text(caption))</figcaption>\n</figure>\n"
      case .figureRow(let keys, let captions, let caption):
        out += "<figure class=\"row\">\n<div class=\"strip\">\n"
        for (i, key) in keys.enumerated() {
          guard let svg = svgs[key] else { continue }
          out += "<div id=\"figure-\(XML.attribute(key))\">\n" + Self.inlineSVG(svg)
          out += "<div>\(XML.text(i < captions.count ? captions[i] : key))</div>\n</div>\n"
        }
        out += "</div>\n<figcaption>\(XML.text(caption))</figcaption>\n</figure>\n"
      case .barChart(let chart):
        out += Self.barChartSVG(chart)
      case .intervalChart(let chart):
        out += Self.intervalChartSVG(chart)
      case .searchBox:
        out += "<div class=\"search\" role=\"search\"><label for=\"person-search\"><strong>Find a researcher</strong></label> "
        out += "<input id=\"person-search\" type=\"search\" placeholder=\"Type part of a name, e.g. Tong\" autocomplete=\"off\">"
        out += "<ul id=\"search-results\" aria-live=\"polite\"></ul></div>\n"
      }
    }
    out += "<script type=\"application/json\" id=\"coauthor-data\">" + dataJSON(document) + "</script>\n"
    out += "<script>\n\(Self.script)\n</script>\n"
    out += "</body>\n</html>\n"
    return out
  }

  /// The page data: people for the search box, node ids and neighbours for each picture.
  func dataJSON(_ document: ReportDocument) -> String {
    typealias V = JSON
    let inline = peopleFile == nil ? document.searchIndex : document.searchIndex.filter { $0.anchor != nil }
    let people = V.array(inline.map { e in
      .object([("name", .string(e.name)), ("anchor", e.anchor.map(V.string) ?? .null), ("detail", .string(e.detail))])
    })
    let figures = V.object(figureIndex.keys.sorted().filter { svgs[$0] != nil }.map { key in
      let f = figureIndex[key]!
      return (key, .object([
        ("prefix", .string(f.idPrefix)), ("names", .array(f.names.map(V.string))),
        ("neighbours", .array(f.neighbours.map { .array($0.map(V.int)) })),
        ("edges", .array(f.edges.map { .array($0.map(V.int)) })),
      ]))
    })
    var fields: [(String, V)] = [("people", people), ("figures", figures)]
    if let peopleFile {
      fields += [("peopleFile", .string(peopleFile)), ("peopleCount", .int(document.searchIndex.count))]
    }
    return V.object(fields).text(indent: nil)
  }

  /// Rows of the people file per piece handed from the thread that writes its JSON text to the
  /// thread that compresses it (about 50 bytes a row, so pieces of about 0.8 MB).
  static let peopleRowsPerPiece = 16_384

  /// The search data of every person, for ``peopleFile``: JavaScript that sets
  /// `window.coauthorPeople = {"count": N, "gzip": "<base64>"}`, the base64 of the gzip of the
  /// JSON array `[[name, anchor or null, detail], …]` (most influential first). The page inflates
  /// it with the browser's `DecompressionStream`.
  ///
  /// The compact JSON text is written directly as UTF-8 bytes (the same bytes as a `JSON` value's
  /// text, without a tree of a million values), a piece of ``peopleRowsPerPiece`` rows at a time,
  /// and each piece is compressed as soon as it is written: with `threads` ≠ 1 the text is written
  /// on one thread while the pieces before are compressed on another (at a million researchers
  /// 66 MB of text, about 1 s to write and 1.3 s to compress). Compression takes the pieces in
  /// order and gzip's output does not depend on how its input is cut (``GzipCompressor``), so the
  /// bytes are the same for every thread count.
  /// - Parameter threads: the thread budget (``MetricSettings/threads``: 0 = every processor).
  public func peopleScript(_ document: ReportDocument, threads: Int = 0) -> String {
    peopleScript(document, threads: threads, rowsPerPiece: Self.peopleRowsPerPiece)
  }

  /// ``peopleScript(_:threads:)`` with pieces of `rowsPerPiece` rows (tests use small pieces).
  func peopleScript(_ document: ReportDocument, threads: Int, rowsPerPiece: Int) -> String {
    let entries = document.searchIndex
    let pieceCount = max(1, (entries.count + rowsPerPiece - 1) / rowsPerPiece)
    // Piece k: rows k·rowsPerPiece ..< (k + 1)·rowsPerPiece, with the array's brackets in the
    // first and the last piece and a comma before every row but the first.
    func piece(_ k: Int) -> [UInt8] {
      let rows = k * rowsPerPiece ..< min(entries.count, (k + 1) * rowsPerPiece)
      var bytes: [UInt8] = []
      bytes.reserveCapacity(rows.count * 64 + 2)
      if k == 0 { bytes.append(UInt8(ascii: "[")) }
      for i in rows {
        let e = entries[i]
        if i > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "["))
        JSON.appendQuoted(e.name, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        if let anchor = e.anchor { JSON.appendQuoted(anchor, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
        bytes.append(UInt8(ascii: ","))
        JSON.appendQuoted(e.detail, to: &bytes)
        bytes.append(UInt8(ascii: "]"))
      }
      if k == pieceCount - 1 { bytes.append(UInt8(ascii: "]")) }
      return bytes
    }
    let compressor = GzipCompressor(level: 6)
    let queue = PieceQueue(capacity: 4)
    // Neither closure throws, so `concurrently` does not either. With one thread (or none to be
    // had) the first writes every piece and the second then compresses them.
    _ = try! concurrently(
      threads: threads, { for k in 0 ..< pieceCount { queue.put(piece(k)) } },
      { for _ in 0 ..< pieceCount { queue.take().withUnsafeBufferPointer { compressor.append($0) } } })
    let packed = compressor.finish()
    return "window.coauthorPeople={\"count\":\(entries.count),\"gzip\":\"\(Data(packed).base64EncodedString())\"};\n"
  }

  /// A grouped bar chart as inline SVG: one group per category, one bar per series, value on
  /// top of each bar, a legend above. Colours are Okabe–Ito blue and orange.
  static func barChartSVG(_ chart: BarChart) -> String {
    let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]
    let maxValue = max(1, chart.series.flatMap(\.values).max() ?? 1)
    let groups = max(1, chart.categories.count)
    let left = 40.0, top = 40.0, plotHeight = 180.0
    let groupWidth = max(36.0, min(90.0, 640.0 / Double(groups)))
    let width = left + groupWidth * Double(groups) + 20
    let height = top + plotHeight + 30
    let barWidth = groupWidth * 0.8 / Double(max(1, chart.series.count))
    func f(_ x: Double) -> String { String(format: "%.1f", x) }
    var out = "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\">\n"
    out += "<title>\(XML.text(chart.title))</title>\n"
    var x = left
    for (i, s) in chart.series.enumerated() {
      out += "<rect x=\"\(f(x))\" y=\"10\" width=\"12\" height=\"12\" fill=\"\(colours[i % colours.count])\"/>"
      out += "<text x=\"\(f(x + 16))\" y=\"20\">\(XML.text(s.name))</text>\n"
      x += 22 + Double(s.name.count) * 6.5
    }
    out += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(width - 10))\" y2=\"\(f(top + plotHeight))\" stroke=\"#888\"/>\n"
    for (g, category) in chart.categories.enumerated() {
      let gx = left + groupWidth * Double(g) + groupWidth * 0.1
      for (i, s) in chart.series.enumerated() {
        let value = g < s.values.count ? s.values[g] : 0
        let h = plotHeight * Double(value) / Double(maxValue)
        let bx = gx + barWidth * Double(i)
        out += "<rect x=\"\(f(bx))\" y=\"\(f(top + plotHeight - h))\" width=\"\(f(barWidth - 1))\" height=\"\(f(h))\" fill=\"\(colours[i % colours.count])\">"
        out += "<title>\(XML.text(category)): \(value.countText) \(XML.text(s.name.lowercased()))</title></rect>"
        out += "<text x=\"\(f(bx + barWidth / 2))\" y=\"\(f(top + plotHeight - h - 3))\" text-anchor=\"middle\">\(value.countText)</text>\n"
      }
      out += "<text x=\"\(f(gx + groupWidth * 0.4))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\">\(XML.text(category))</text>\n"
    }
    out += "</svg><figcaption>\(XML.text(chart.title))</figcaption></figure>\n"
    return out
  }

  /// Intervals on a year axis as inline SVG: one row per interval, its label on the left, a
  /// vermillion bar over its years on a grey line over the whole axis, the note after the bar.
  static func intervalChartSVG(_ chart: IntervalChart) -> String {
    guard let first = chart.years.first else { return "" }
    let labelWidth = 230.0, top = 28.0, rowHeight = 18.0, noteWidth = 110.0
    let yearWidth = max(14.0, min(48.0, 520.0 / Double(max(1, chart.years.count))))
    let plotWidth = yearWidth * Double(chart.years.count)
    let width = labelWidth + plotWidth + noteWidth
    let height = top + rowHeight * Double(chart.rows.count) + 8
    func f(_ x: Double) -> String { String(format: "%.1f", x) }
    var out = "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\">\n"
    out += "<title>\(XML.text(chart.title))</title>\n"
    // Year labels: every year when they fit, else every other or every fifth.
    let step = yearWidth >= 30 ? 1 : yearWidth >= 16 ? 2 : 5
    for (i, year) in chart.years.enumerated() where i % step == 0 || i == chart.years.count - 1 {
      out += "<text x=\"\(f(labelWidth + yearWidth * (Double(i) + 0.5)))\" y=\"16\" text-anchor=\"middle\">\(year)</text>\n"
    }
    for (k, row) in chart.rows.enumerated() {
      let y = top + rowHeight * Double(k)
      let label = row.label.count > 34 ? String(row.label.prefix(33)) + "…" : row.label
      out += "<text x=\"\(f(labelWidth - 6))\" y=\"\(f(y + 12))\" text-anchor=\"end\">\(XML.text(label))</text>"
      out += "<line x1=\"\(f(labelWidth))\" y1=\"\(f(y + 8))\" x2=\"\(f(labelWidth + plotWidth))\" y2=\"\(f(y + 8))\" stroke=\"#ccc\"/>"
      let x = labelWidth + yearWidth * Double(row.start - first)
      let w = yearWidth * Double(row.end - row.start + 1)
      out += "<rect x=\"\(f(x))\" y=\"\(f(y + 2))\" width=\"\(f(w))\" height=\"12\" fill=\"#D55E00\">"
      out += "<title>\(XML.text(row.label)): \(row.start == row.end ? "\(row.start)" : "\(row.start)–\(row.end)"), \(XML.text(row.note))</title></rect>"
      out += "<text x=\"\(f(labelWidth + plotWidth + 6))\" y=\"\(f(y + 12))\">\(XML.text(row.note))</text>\n"
    }
    out += "</svg><figcaption>\(XML.text(chart.title))</figcaption></figure>\n"
    return out
  }

  /// Drops the XML declaration and DOCTYPE so the SVG can sit inside HTML.
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.range(of: "<svg") else { return "" }
    var body = String(svg[start.lowerBound...])
    if !body.hasSuffix("\n") { body += "\n" }
    return body
  }

  static func inline(_ parts: [Inline]) -> String {
    parts.map { part -> String in
      switch part {
      case .text(let s): return XML.text(s)
      case .strong(let s): return "<strong>" + XML.text(s) + "</strong>"
      case .emphasis(let s): return "<em>" + XML.text(s) + "</em>"
      case .code(let s): return "<code>" + XML.text(s) + "</code>"
      case .anchorLink(let s, let anchor): return "<a href=\"#" + XML.attribute(anchor) + "\">" + XML.text(s) + "</a>"
      case .anchor(let id): return "<span id=\"" + XML.attribute(id) + "\"></span>"
      }
    }.joined()
  }
}

/// Byte pieces handed in order from one thread (``put(_:)``) to another (``take()``). `put` waits
/// while `capacity` pieces are waiting, but only once the taking side has started: a caller that
/// runs both sides one after the other on one thread (``concurrently(threads:_:_:)`` with one
/// thread, or when no thread could be started) never waits.
final class PieceQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private var pieces: [[UInt8]] = []
  private var taking = false
  private let capacity: Int

  init(capacity: Int) { self.capacity = capacity }

  func put(_ piece: [UInt8]) {
    condition.lock()
    while taking && pieces.count >= capacity { condition.wait() }
    pieces.append(piece)
    condition.broadcast()
    condition.unlock()
  }

  /// The next piece, once it has been put.
  func take() -> [UInt8] {
    condition.lock()
    taking = true
    while pieces.isEmpty { condition.wait() }
    let piece = pieces.removeFirst()
    condition.broadcast()
    condition.unlock()
    return piece
  }
}
