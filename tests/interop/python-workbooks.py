"""Writes the same stakeholder list as openpyxl and XlsxWriter save it (the
writers behind pandas' to_excel), for python-writers.test.ts.

Usage: python3 python-workbooks.py OUT_DIR
Writes OUT_DIR/openpyxl.xlsx, OUT_DIR/xlsxwriter.xlsx and
OUT_DIR/openpyxl-formula.xlsx (a formula openpyxl saves without a result).
"""
import datetime
import os
import sys

import openpyxl
import xlsxwriter

ACTORS = [
    ["id", "name", "kind", "sector", "description", "tags"],
    ["007", "Berg River Trust & <Friends>", "NGO", "civil society", "line one\nline two", "rivers|water"],
    # the sector is merged down from the row above
    ["paarl-forum", "Paarl Youth Forum \U0001F30A", "community group", None, "Youth, sport & rivers", "0012"],
]
MANDATES = [
    ["title", "function", "strength", "holder", "issues", "places", "valid from", "valid to"],
    ["Abstraction licences", "regulate", "core", "dws", "water-quality", "berg-river-catchment",
     datetime.date(2012, 4, 1), datetime.datetime(2030, 3, 31, 12, 30)],
]


def with_openpyxl(path):
    book = openpyxl.Workbook()
    actors = book.active
    actors.title = "Actors"
    for row in ACTORS:
        actors.append(row)
    actors.merge_cells("D2:D3")
    mandates = book.create_sheet("Mandates")
    for row in MANDATES:
        mandates.append(row)
    book.save(path)


def with_xlsxwriter(path):
    book = xlsxwriter.Workbook(path)
    day_first = book.add_format({"num_format": "dd/mm/yyyy"})
    actors = book.add_worksheet("Actors")
    for r, row in enumerate(ACTORS):
        for c, value in enumerate(row):
            if value is not None:
                actors.write_string(r, c, value)
    actors.merge_range("D2:D3", "civil society")
    # a formula with the result it was saved with
    actors.write_formula(2, 4, '=CONCATENATE("Youth, sport"," & rivers")', None, "Youth, sport & rivers")
    mandates = book.add_worksheet("Mandates")
    for r, row in enumerate(MANDATES):
        for c, value in enumerate(row):
            if isinstance(value, datetime.date):
                when = value if isinstance(value, datetime.datetime) else datetime.datetime(value.year, value.month, value.day)
                mandates.write_datetime(r, c, when, day_first)
            else:
                mandates.write_string(r, c, value)
    book.close()


def formula_without_result(path):
    book = openpyxl.Workbook()
    actors = book.active
    actors.title = "Actors"
    actors.append(["name", "kind", "sector", "description"])
    actors.append(["Formula Trust", "ngo", "civil society", "=2-2"])
    book.save(path)


out = sys.argv[1]
with_openpyxl(os.path.join(out, "openpyxl.xlsx"))
with_xlsxwriter(os.path.join(out, "xlsxwriter.xlsx"))
formula_without_result(os.path.join(out, "openpyxl-formula.xlsx"))
