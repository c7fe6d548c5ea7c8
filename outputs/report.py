"""``python pipeline.py report [--from DIR] [--html FILE]``: one self-contained HTML page of a run.

The page needs no network (inline CSS, SVG and a small script; its Content-Security-Policy
forbids loading anything): tasks per lead agency, deadlines by quarter, the documents that
failed and why, then per document its task table as extracted with its diagnostics.

>>> import tempfile, pipeline
>>> out = Path(tempfile.mkdtemp())
>>> _ = pipeline.run([Path("data/raw")], out, progress=False)
>>> page = report_html(out)
>>> "226/KH-UBND" in page, "https://" in page
(True, False)
"""
from __future__ import annotations

from collections import defaultdict
from html import escape
from pathlib import Path

import duckdb

from outputs.duckdb_file import define_views
from outputs.store import table_files
from outputs.svg_charts import bar_chart, column_chart

TOP_AGENCIES = 30
MAX_FILLED_QUARTERS = 80  # a longer span is shown without its empty quarters

STYLE = """
body { font: 14px/1.45 system-ui, "Segoe UI", "Noto Sans", sans-serif; margin: 24px; color: #1d2330; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #d5d9e0; }
table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; }
th, td { border: 1px solid #d5d9e0; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef1f6; } .num { text-align: right; white-space: nowrap; }
.chart rect { fill: #3b6fb6; } .chart text { font-size: 12px; fill: #1d2330; }
.status-failed { color: #a31515; font-weight: 600; } .status-partial { color: #9a5b00; font-weight: 600; }
.sev-error { color: #a31515; } .sev-warning { color: #9a5b00; } .sev-info { color: #5a6275; }
details { margin: 8px 0; border: 1px solid #d5d9e0; border-radius: 4px; padding: 4px 10px; }
summary { cursor: pointer; font-weight: 600; } .meta { color: #5a6275; } .empty { color: #5a6275; }
#filter { font-size: 14px; padding: 4px 8px; width: 320px; }
"""

# Filters the task rows as one types, opening the documents that have a match.
SCRIPT = """
(function () {
  var box = document.getElementById("filter");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.task"));
  function apply() {
    var query = box.value.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var hit = !query || row.textContent.toLowerCase().indexOf(query) >= 0;
      row.hidden = !hit;
      if (hit) { count += 1; if (query) { row.closest("details").open = true; } }
    });
    shown.textContent = count + " of " + rows.length + " tasks shown";
  }
  box.addEventListener("input", apply);
  apply();
  document.body.setAttribute("data-ready", "yes");
})();
"""


def write_report(source: Path, html: Path) -> None:
    """Write the report of the output folder ``source`` to ``html``."""
    page = report_html(source)
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_text(page, encoding="utf-8")


def report_html(source: Path) -> str:
    """The report page of the output folder ``source``; ValueError when it holds no run's output."""
    con = duckdb.connect()
    try:
        for name, path in table_files(source).items():
            con.execute(f"create view \"{name}\" as select * from read_parquet('{path.as_posix()}')")
        define_views(con)
        body = [_overview(con), _lead_chart(con), _timeline(con), _failed(con), _documents(con)]
    finally:
        con.close()
    return ("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "script-src 'unsafe-inline'\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>Plan documents: tasks and deadlines</title><style>{STYLE}</style></head><body>"
            + "".join(body) + f"<script>{SCRIPT}</script></body></html>\n")


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def _overview(con) -> str:
    status = dict(_rows(con, "select parse_status, count(*) from documents group by all"))
    [(tasks, deadlines)] = _rows(con, "select (select count(*) from tasks), (select count(*) from deadlines)")
    return (f"<h1>Plan documents: tasks and deadlines</h1><p>{sum(status.values())} documents "
            f"({status.get('ok', 0)} ok, {status.get('partial', 0)} partial, {status.get('failed', 0)} failed), "
            f"{tasks} tasks, {deadlines} deadlines.</p>")


def _lead_chart(con) -> str:
    leads = _rows(con, f"""select a.name || coalesce(' (' || a.province || ')', ''), count(distinct ta.task_id) as tasks
                           from task_agencies ta join agencies a using (agency_id) where ta.role = 'lead'
                           group by a.agency_id, a.name, a.province order by tasks desc, 1 limit {TOP_AGENCIES}""")
    return f"<h2>Tasks per lead agency</h2><p class=\"meta\">The {TOP_AGENCIES} agencies leading most tasks.</p>" + \
        bar_chart(leads, "Tasks per lead agency")


def _timeline(con) -> str:
    counts = dict(_rows(con, 'select year("end") * 4 + quarter("end") - 1, count(*) from deadlines where "end" is not null group by 1'))
    filled = bool(counts) and max(counts) - min(counts) < MAX_FILLED_QUARTERS
    if filled:  # whole years from Q1, so that a long timeline can label each year's first quarter only
        counts = {q: counts.get(q, 0) for q in range(min(counts) // 4 * 4, max(counts) // 4 * 4 + 4)}
    columns = [(f"{q // 4}-Q{q % 4 + 1}", n) for q, n in sorted(counts.items())]
    label_every = 4 if filled and len(columns) > 24 else 1
    no_period = _rows(con, 'select kind, count(*) from deadlines where start is null and "end" is null group by all order by 2 desc, 1')
    undated = ", ".join(f"{escape(kind)} {n}" for kind, n in no_period) or "none"
    return ("<h2>Deadlines by quarter</h2><p class=\"meta\">Deadlines counted in the quarter their period ends. "
            f"Deadlines that fix no calendar period: {undated}.</p>" + column_chart(columns, "Deadlines by quarter", label_every))


def _failed(con) -> str:
    failed = _rows(con, """select d.source_path, d.source_format, string_agg(g.message, ' / ')
                           from documents d left join diagnostics g on g.doc_id = d.doc_id and g.severity = 'error'
                           where d.parse_status = 'failed' group by all order by 1""")
    if not failed:
        return "<h2>Documents that failed</h2><p class=\"empty\">None.</p>"
    rows = "".join(f"<tr><td>{escape(path)}</td><td>{escape(fmt or '')}</td><td>{escape(why or '')}</td></tr>" for path, fmt, why in failed)
    return f"<h2>Documents that failed</h2><table><tr><th>file</th><th>format</th><th>why</th></tr>{rows}</table>"


def _documents(con) -> str:
    outputs: dict[str, list[str]] = defaultdict(list)
    for task_id, text, deadline in _rows(con, "select task_id, output_text, deadline_raw from task_outputs order by task_id, output_seq"):
        outputs[task_id].append(" — ".join(escape(part) for part in (text, deadline) if part))
    tasks: dict[str, list[tuple]] = defaultdict(list)
    for row in _rows(con, """select doc_id, task_id, table_no, stt, group_label, content, lead_raw, coordinate_raw
                             from tasks order by doc_id, table_no, seq"""):
        tasks[row[0]].append(row[1:])
    diagnostics: dict[str, list[tuple]] = defaultdict(list)
    for doc_id, *rest in _rows(con, "select doc_id, severity, stage, code, message from diagnostics"):
        diagnostics[doc_id].append(rest)
    documents = _rows(con, """select doc_id, source_path, doc_type, doc_number, issue_date, issuer, title, parse_status
                              from documents order by source_path""")
    parts = ["<h2>Documents</h2><p><input id=\"filter\" type=\"search\" placeholder=\"Filter tasks (agency, text, deadline)\" "
             "aria-label=\"Filter tasks\"> <span id=\"shown\" class=\"meta\"></span></p>"]
    for doc_id, path, doc_type, number, issued, issuer, title, status in documents:
        head = " · ".join(escape(str(v)) for v in (doc_type, number, issued, issuer) if v)
        parts.append(f"<details><summary>{escape(path)} <span class=\"status-{escape(status)}\">{escape(status)}</span> "
                     f"<span class=\"meta\">{len(tasks[doc_id])} tasks</span></summary>"
                     f"<p class=\"meta\">{head}</p><p>{escape(title or '')}</p>"
                     + _task_table(tasks[doc_id], outputs) + _diagnostic_list(diagnostics[doc_id]) + "</details>")
    return "".join(parts)


def _task_table(tasks: list[tuple], outputs: dict[str, list[str]]) -> str:
    if not tasks:
        return "<p class=\"empty\">No task table.</p>"
    head = "<tr><th>table</th><th>group</th><th>STT</th><th>task</th><th>lead</th><th>coordinate</th><th>outputs — deadline</th></tr>"
    rows = "".join(
        f"<tr class=\"task\"><td class=\"num\">{table_no}</td><td>{escape(group or '')}</td><td>{escape(stt or '')}</td>"
        f"<td>{escape(content or '')}</td><td>{escape(lead or '')}</td><td>{escape(coordinate or '')}</td>"
        f"<td>{'<br>'.join(outputs[task_id])}</td></tr>"
        for task_id, table_no, stt, group, content, lead, coordinate in tasks)
    return f"<table>{head}{rows}</table>"


def _diagnostic_list(diagnostics: list[tuple]) -> str:
    if not diagnostics:
        return "<p class=\"empty\">No diagnostics.</p>"
    items = "".join(f"<li class=\"sev-{escape(severity)}\">{escape(severity)} · {escape(stage)} · {escape(code)}: {escape(message)}</li>"
                    for severity, stage, code, message in diagnostics)
    return f"<p>Diagnostics</p><ul>{items}</ul>"
