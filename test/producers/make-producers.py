#!/usr/bin/python3
"""Writes the task table of table.json as .xlsx files made by programs other than Duban, one per producer.

Usage: make-producers.py TABLE_JSON OUT_DIR [PRODUCER...]

Prints {"made": {producer: file}, "failed": {producer: reason}} as JSON on stdout; without PRODUCER arguments it
makes them all. LibreOffice's re-save is made by the test itself
(test/helpers/libreoffice.ts); everything else is here. Run with Debian's /usr/bin/python3 (python3-openpyxl,
python3-xlsxwriter, python3-pandas).
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.parsers import expat

HERE = os.path.dirname(os.path.abspath(__file__))


def cell_value(cell):
    if isinstance(cell, dict):
        return datetime.date.fromisoformat(cell["date"])
    return cell


def typed_rows(table):
    return [[cell_value(c) for c in row] for row in table["rows"]]


def stats_rows(table):
    """Tasks per unit, for the charts: plain numbers, since openpyxl and XlsxWriter compute no formulas."""
    counts = {}
    for row in table["rows"][: table["taskRows"]]:
        unit = (row[2] or "").strip("\u3000 ")
        if unit:
            counts[unit] = counts.get(unit, 0) + 1
    return [["责任单位", "任务数"]] + [[unit, n] for unit, n in counts.items()]


# --- openpyxl -------------------------------------------------------------------------------------------


def openpyxl_book(table):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = table["sheet"]
    ws.append(table["header"])
    for row in typed_rows(table):
        ws.append(row)
    for r in ws.iter_rows(min_row=2):
        for c in r:
            if isinstance(c.value, datetime.date):
                c.number_format = "yyyy-mm-dd"
    ws.column_dimensions["B"].width = 30
    ws.freeze_panes = "A2"
    return wb, ws


def openpyxl_plain(table, path):
    wb, _ = openpyxl_book(table)
    wb.save(path)


def openpyxl_table(table, path):
    from openpyxl.worksheet.table import Table, TableStyleInfo

    wb, ws = openpyxl_book(table)
    t = Table(displayName="TaskTable", ref=f"A1:I{1 + table['taskRows']}")
    t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(t)
    wb.save(path)


def openpyxl_chart(table, path):
    from openpyxl.chart import BarChart, Reference

    wb, _ = openpyxl_book(table)
    stats = wb.create_sheet("统计")
    for row in stats_rows(table):
        stats.append(row)
    chart = BarChart()
    chart.title = "各单位任务数"
    data = Reference(stats, min_col=2, min_row=1, max_row=stats.max_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(stats, min_col=1, min_row=2, max_row=stats.max_row))
    stats.add_chart(chart, "D2")
    wb.save(path)


def openpyxl_validation(table, path):
    from openpyxl.comments import Comment
    from openpyxl.worksheet.datavalidation import DataValidation

    wb, ws = openpyxl_book(table)
    dv = DataValidation(type="list", formula1='"已完成,进行中,未开始,未完成"', allow_blank=True)
    dv.add(f"E2:E{1 + table['taskRows']}")
    ws.add_data_validation(dv)
    ws["B1"].comment = Comment("每行一项任务，写清楚做什么。", "督办员")
    wb.save(path)


# --- XlsxWriter -----------------------------------------------------------------------------------------


def xlsxwriter_write(table, wb, ws, skip_header=False):
    date_format = wb.add_format({"num_format": "yyyy-mm-dd"})
    if not skip_header:
        for c, text in enumerate(table["header"]):
            ws.write_string(0, c, text)
    for r, row in enumerate(typed_rows(table), start=1):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, datetime.date):
                ws.write_datetime(r, c, datetime.datetime.combine(value, datetime.time()), date_format)
            elif isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write_number(r, c, value)
    ws.set_column(1, 1, 30)


def xlsxwriter_plain(table, path):
    import xlsxwriter

    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet(table["sheet"])
    xlsxwriter_write(table, wb, ws)
    wb.close()


def xlsxwriter_rich(table, path):
    import xlsxwriter

    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet(table["sheet"])
    stats = wb.add_worksheet("统计")
    last = table["taskRows"]
    ws.add_table(
        0,
        0,
        last,
        len(table["header"]) - 1,
        {"columns": [{"header": h} for h in table["header"]], "style": "Table Style Medium 2"},
    )
    xlsxwriter_write(table, wb, ws, skip_header=True)
    rows = stats_rows(table)
    for r, row in enumerate(rows):
        stats.write_row(r, 0, row)
    chart = wb.add_chart({"type": "column"})
    chart.add_series(
        {
            "name": "任务数",
            "categories": ["统计", 1, 0, len(rows) - 1, 0],
            "values": ["统计", 1, 1, len(rows) - 1, 1],
        }
    )
    chart.set_title({"name": "各单位任务数"})
    ws.insert_chart("K2", chart)
    ws.data_validation(
        1, 4, last, 4, {"validate": "list", "source": ["已完成", "进行中", "未开始", "未完成"]}
    )
    ws.write_comment("B1", "每行一项任务，写清楚做什么。", {"author": "督办员"})
    wb.close()


# --- pandas ---------------------------------------------------------------------------------------------


def pandas_to_excel(table, path):
    import pandas as pd

    frame = pd.DataFrame(typed_rows(table), columns=table["header"])
    frame.to_excel(path, sheet_name=table["sheet"], index=False, engine="openpyxl")


# --- Gnumeric -------------------------------------------------------------------------------------------


def gnumeric(table, path):
    source = os.path.join(os.path.dirname(path), "gnumeric-source.xlsx")
    openpyxl_plain(table, source)
    with tempfile.TemporaryDirectory() as home:
        # A throwaway HOME keeps Gnumeric's settings (GSettings, recent files) out of the user's own.
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home)
        run(["ssconvert", source, path], env=env)
    os.remove(source)


# --- R's openxlsx ---------------------------------------------------------------------------------------


def r_string(text):
    """An R string literal of any text, ASCII only, so the R script reads the same in every locale."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= ord(ch) < 0x7F:
            out.append(ch)
        else:
            out.append("\\u{%x}" % ord(ch))
    return '"' + "".join(out) + '"'


def r_value(value):
    if isinstance(value, dict):
        return f'as.Date("{value["date"]}")'
    if isinstance(value, str):
        return r_string(value)
    return repr(float(value))


def r_openxlsx(table, path):
    lines = [
        "suppressMessages(library(openxlsx))",
        'options(openxlsx.dateFormat = "yyyy-mm-dd")',
        "wb <- createWorkbook()",
        f"sheet <- {r_string(table['sheet'])}",
        "addWorksheet(wb, sheet)",
    ]
    rows = [table["header"]] + table["rows"]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                lines.append(
                    f"writeData(wb, sheet, x = {r_value(value)}, startCol = {c}, startRow = {r}, colNames = FALSE)"
                )
    lines.append(f"saveWorkbook(wb, {r_string(path)}, overwrite = TRUE)")
    with tempfile.NamedTemporaryFile("w", suffix=".R", delete=False, encoding="ascii") as script:
        script.write("\n".join(lines) + "\n")
    try:
        run(["Rscript", "--vanilla", script.name], env=dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8"))
    finally:
        os.remove(script.name)


# --- Go's tealeg/xlsx -----------------------------------------------------------------------------------


def go_tealeg(table_path, path):
    """Builds write-tealeg.go in GOPATH mode against Debian's golang-github-tealeg-xlsx-dev: no network."""
    with tempfile.TemporaryDirectory() as cache:
        env = dict(
            os.environ,
            GOPATH="/usr/share/gocode",
            GO111MODULE="off",
            GOCACHE=cache,
            GOFLAGS="",
            GOPROXY="off",
        )
        binary = os.path.join(cache, "write-tealeg")
        run(["go", "build", "-o", binary, os.path.join(HERE, "write-tealeg.go")], env=env)
        run([binary, table_path, path], env=env)


# --- Strict Open XML ------------------------------------------------------------------------------------

TRANSITIONAL_TO_STRICT = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "http://purl.oclc.org/ooxml/drawingml/chart",
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": (
        "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": (
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes": (
        "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"
    ),
}
TRANSITIONAL_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
# Strict renames a few relationship types besides moving them (ECMA-376 Part 1, Strict).
STRICT_REL_NAMES = {"extended-properties": "extendedProperties", "custom-properties": "customProperties"}


def escape(text, quote=False):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;")
    else:
        text = text.replace("\r", "&#13;")
    return text


def strict_type(rel_type):
    if not rel_type.startswith(TRANSITIONAL_REL):
        return rel_type  # package-level types (core properties) are the same in both.
    name = rel_type[len(TRANSITIONAL_REL) :]
    return STRICT_REL + STRICT_REL_NAMES.get(name, name)


def to_strict_xml(data, is_rels, is_workbook):
    """Re-serialises one XML part with expat, keeping every prefix: namespace declarations and relationship
    types are mapped to Strict, and the workbook element gets conformance="strict"."""
    out = []
    pending = []  # a start tag not yet closed, so that an empty element comes out as <x/>
    depth = [0]

    def flush():
        if pending:
            out.append(pending.pop() + ">")

    def xml_decl(version, encoding, standalone):
        decl = f'<?xml version="{version}"'
        if encoding:
            decl += f' encoding="{encoding}"'
        if standalone != -1:
            decl += f' standalone="{"yes" if standalone else "no"}"'
        out.append(decl + "?>")

    def start(name, attrs):
        flush()
        pairs = list(zip(attrs[::2], attrs[1::2]))
        mapped = []
        for key, value in pairs:
            if key == "xmlns" or key.startswith("xmlns:"):
                value = TRANSITIONAL_TO_STRICT.get(value, value)
            elif is_rels and key == "Type" and name.split(":")[-1] == "Relationship":
                value = strict_type(value)
            elif key == "uri" and name.split(":")[-1] == "graphicData":
                value = TRANSITIONAL_TO_STRICT.get(value, value)  # names the kind of graphic by namespace
            mapped.append((key, value))
        if is_workbook and depth[0] == 0 and not any(k == "conformance" for k, _ in mapped):
            mapped.append(("conformance", "strict"))
        depth[0] += 1
        pending.append("<" + name + "".join(f' {k}="{escape(v, True)}"' for k, v in mapped))

    def end(name):
        depth[0] -= 1
        if pending:
            out.append(pending.pop() + "/>")
        else:
            out.append(f"</{name}>")

    def text(data):
        flush()
        out.append(escape(data))

    def comment(data):
        flush()
        out.append(f"<!--{data}-->")

    def pi(target, data):
        flush()
        out.append(f"<?{target} {data}?>")

    def doctype(*_):
        raise ValueError("a DOCTYPE in a package part")

    parser = expat.ParserCreate()
    parser.ordered_attributes = True
    parser.buffer_text = True
    parser.XmlDeclHandler = xml_decl
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.CommentHandler = comment
    parser.ProcessingInstructionHandler = pi
    parser.StartDoctypeDeclHandler = doctype
    parser.Parse(data, True)
    if out and not out[0].startswith("<?xml"):
        out.insert(0, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
        out.insert(1, "\n")
    elif out:
        out.insert(1, "\n")
    return "".join(out).encode("utf-8")


def office_document(zin):
    """The workbook part's name, from the package relationships, with or without a leading slash."""
    found = []

    def start(name, attrs):
        if name.split(":")[-1] == "Relationship" and attrs.get("Type", "").endswith("/officeDocument"):
            found.append(attrs["Target"].lstrip("/"))

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.Parse(zin.read("_rels/.rels"), True)
    return found[0]


def strict_from(source, path):
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        workbook = office_document(zin)
        for info in zin.infolist():
            data = zin.read(info.filename)
            name = info.filename
            if name.endswith(".xml") or name.endswith(".rels"):
                if name != "[Content_Types].xml":  # content types are the same in Strict packages
                    data = to_strict_xml(data, name.endswith(".rels"), name == workbook)
            zout.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def strict_plain(table, path):
    source = os.path.join(os.path.dirname(path), "strict-source.xlsx")
    openpyxl_plain(table, source)
    strict_from(source, path)
    os.remove(source)


def strict_rich(table, path):
    source = os.path.join(os.path.dirname(path), "strict-rich-source.xlsx")
    xlsxwriter_rich(table, source)
    strict_from(source, path)
    os.remove(source)


# --------------------------------------------------------------------------------------------------------


def run(args, env=None):
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")


PRODUCERS = {
    "openpyxl-plain": openpyxl_plain,
    "openpyxl-table": openpyxl_table,
    "openpyxl-chart": openpyxl_chart,
    "openpyxl-validation": openpyxl_validation,
    "xlsxwriter-plain": xlsxwriter_plain,
    "xlsxwriter-rich": xlsxwriter_rich,
    "pandas": pandas_to_excel,
    "gnumeric": gnumeric,
    "r-openxlsx": r_openxlsx,
    "go-tealeg": None,  # needs the table's path, not the table
    "strict-openpyxl": strict_plain,
    "strict-xlsxwriter-rich": strict_rich,
}


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    table_path, out_dir = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    wanted = argv[3:] or list(PRODUCERS)
    unknown = [name for name in wanted if name not in PRODUCERS]
    if unknown:
        sys.exit(f"unknown producers: {', '.join(unknown)}")
    with open(table_path, encoding="utf-8") as f:
        table = json.load(f)
    os.makedirs(out_dir, exist_ok=True)
    made, failed = {}, {}
    for name in wanted:
        path = os.path.join(out_dir, f"{name}.xlsx")
        if os.path.exists(path):
            os.remove(path)
        try:
            if name == "go-tealeg":
                go_tealeg(table_path, path)
            else:
                PRODUCERS[name](table, path)
            if not os.path.exists(path):
                raise RuntimeError(f"wrote no {path}")
            made[name] = path
        except Exception as error:  # one producer's failure is that producer's test failure, not everyone's
            failed[name] = f"{type(error).__name__}: {error}"
    json.dump({"made": made, "failed": failed}, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main(sys.argv)
