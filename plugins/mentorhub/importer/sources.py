"""Reading rows from what organizers export: CSV (any delimiter, encoding, BOM), XLSX,
JSON and YAML lists. Each row keeps the line it starts on, for `path:line` reports.

No home-made guessing: the CSV dialect comes from the standard library's
`csv.Sniffer`, an unknown encoding from charset-normalizer, and XLSX cells from
openpyxl in read-only mode with cached values only (no formula is evaluated, no
macro is run: openpyxl never runs either).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..hub.strict_yaml import YamlError, load, size_budget

#: Delimiters spreadsheets export: comma (Google Forms, Excel in English), semicolon
#: (Excel where the comma is the decimal mark), tab (Microsoft Forms "Unicode text"), pipe.
DELIMITERS = ",;\t|"
_SNIFF_BYTES = 64 * 1024
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
FORMATS = ("csv", "xlsx", "json", "yaml")


class SourceError(Exception):
    """The source cannot be read at all; the message names what to do."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Row:
    line: int  # where the row starts in the source (1-based; a sheet's row number)
    values: dict[str, Any]  # header → cell; empty cells are left out


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    encoding: str = ""  # for CSV: what was detected, shown in the report
    delimiter: str = ""


def source_format(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    found = {"csv": "csv", "tsv": "csv", "txt": "csv", "xlsx": "xlsx", "xlsm": "xlsx",
             "json": "json", "yaml": "yaml", "yml": "yaml"}.get(suffix)
    if found is None:
        raise SourceError(f"cannot read .{suffix} files: export CSV or XLSX from your spreadsheet, "
                          "or give a JSON or YAML list")
    return found


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Every row of the source, with its headers. Raises SourceError."""
    kind = source_format(path)
    try:
        if kind == "xlsx":
            return _read_xlsx(path, sheet)
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror or exc})") from None
    if kind == "csv":
        return _read_csv(raw)
    text = _decode(raw)[0]
    return _records(_json_items(text) if kind == "json" else _yaml_items(text))


# -- CSV ---------------------------------------------------------------------------------


def _decode(raw: bytes) -> tuple[str, str]:
    """The text and its encoding: a BOM first, then UTF-8, then charset-normalizer."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding), encoding.replace("-sig", " with BOM")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(raw).best()
    if best is None:
        raise SourceError("is not text in any encoding we recognise: save it as CSV UTF-8")
    return str(best), best.encoding


def _read_csv(raw: bytes) -> Table:
    text, encoding = _decode(raw)
    sample = text[:_SNIFF_BYTES]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
    except csv.Error:
        dialect = csv.excel  # one column, or too little to tell: the comma is the default
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header_row = next(reader, None)
        if header_row is None:
            raise SourceError("is empty: export it again with its header row")
        headers = _headers(header_row, reader.line_num)
        rows = []
        line = reader.line_num + 1
        for cells in reader:
            values = {h: c.strip() for h, c in zip(headers, cells, strict=False) if h and c.strip()}
            if values:
                rows.append(Row(line, values))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise SourceError(f"is not valid CSV ({exc})", reader.line_num) from None
    return Table(headers, tuple(rows), encoding, dialect.delimiter)


def _headers(cells: list[Any], line: int) -> tuple[str, ...]:
    headers = tuple(" ".join(str(c or "").split()) for c in cells)
    seen: set[str] = set()
    for header in headers:
        if header and header in seen:
            raise SourceError(f"two columns are both called '{header[:60]}': rename one", line)
        seen.add(header)
    return headers


# -- XLSX --------------------------------------------------------------------------------


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    import openpyxl  # only for spreadsheets
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # read_only streams the sheet; data_only gives the value the spreadsheet program
        # last calculated and saved, never evaluating a formula; macros are never run; the
        # XML is parsed through defusedxml (a dependency), so entity bombs are refused.
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise SourceError(f"is not an XLSX workbook that can be read ({type(exc).__name__})") from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise SourceError(f"has no sheet '{sheet}' (its sheets: {', '.join(book.sheetnames)})")
        worksheet = book[sheet] if sheet else book.worksheets[0]
        rows_iter = worksheet.iter_rows(values_only=True)
        header_row = next(rows_iter, None)
        if header_row is None:
            raise SourceError("has an empty first sheet: put the header row on line 1")
        headers = _headers(list(header_row), 1)
        rows = []
        for number, cells in enumerate(rows_iter, 2):
            values = {h: value for h, c in zip(headers, cells, strict=False)
                      if h and (value := _cell(c)) not in (None, "")}
            if values:
                rows.append(Row(number, values))
    finally:
        book.close()
    return Table(headers, tuple(rows), "xlsx")


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


# -- JSON and YAML lists -------------------------------------------------------------------


def _json_items(text: str) -> Iterator[tuple[int, Any]]:
    """Each item of a top-level JSON list with the line it starts on."""
    decoder = json.JSONDecoder()
    index = _skip_space(text, 0)
    if not text.startswith("[", index):
        raise SourceError("expected a JSON list of objects ([{…}, {…}])")
    index = _skip_space(text, index + 1)
    while index < len(text) and text[index] != "]":
        try:
            item, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            raise SourceError(f"is not valid JSON ({exc.msg})", exc.lineno) from None
        yield text.count("\n", 0, index) + 1, item
        index = _skip_space(text, end)
        if text.startswith(",", index):
            index = _skip_space(text, index + 1)
        elif not text.startswith("]", index):
            raise SourceError("is not valid JSON (expected ',' or ']')", text.count("\n", 0, index) + 1)


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def _yaml_items(text: str) -> Iterator[tuple[int, Any]]:
    try:
        # The hub's strict loader: no tags that build objects, duplicate keys refused,
        # `no` stays the string "no"; the budget scales with the file, not a front matter.
        document = load(text, budget=size_budget(text), what="the source")
    except YamlError as exc:
        raise SourceError(exc.message, exc.line) from None
    if not isinstance(document.data, list):
        raise SourceError("expected a YAML list of maps ('- name: …' items)")
    for index, item in enumerate(document.data):
        yield document.line_of((index,)), item


def _records(items: Iterator[tuple[int, Any]]) -> Table:
    headers: dict[str, None] = {}
    rows = []
    for line, item in items:
        if not isinstance(item, dict):
            raise SourceError("every item of the list must be a map of field: value", line)
        values = {str(k): v for k, v in item.items() if v not in (None, "", [])}
        headers.update(dict.fromkeys(str(k) for k in item))
        rows.append(Row(line, values))
    return Table(tuple(headers), tuple(rows), "")
