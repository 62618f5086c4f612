#!/usr/bin/python3
"""The leads' workbooks end to end: `hwbgen updates export`, checked with an independent reader
(openpyxl); filled in as a lead would (openpyxl, and once re-saved by LibreOffice Calc); imported,
checked and built; and broken workbooks refused with their position, the cycle file untouched.

Usage: round_trip.py HWBGEN SOURCE_DIR   (run by CTest as e2e_updates_workbooks)
"""
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

HWBGEN, SOURCE = sys.argv[1], sys.argv[2]
WORK = tempfile.mkdtemp(prefix="hwbgen-updates-")
PROJECT = os.path.join(WORK, "project")
RATINGS = ["Red", "Amber", "Green", "Complete", "Not started"]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, flush=True)


def run(*args):
    p = subprocess.run([HWBGEN, *args, *(["--root", PROJECT] if args[0] != "build" else [])],
                       capture_output=True, text=True, cwd=WORK)
    return p.returncode, p.stdout, p.stderr


def build(place, out):
    p = subprocess.run([HWBGEN, "build", place, "--root", PROJECT, "--out", out, "-q"],
                       capture_output=True, text=True, cwd=WORK)
    return p.returncode, p.stderr


def cycle_file(place, cycle):
    return os.path.join(PROJECT, "content", place, "cycles", cycle + ".yaml")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def columns(ws):
    return {c.value: c.column for c in ws[1]}


def export(place, cycle, out, *extra):
    rc, stdout, stderr = run("updates", "export", place, cycle, "--out", out, *extra)
    check(rc == 0, f"export {place} {cycle} exits 0 (got {rc}: {stderr})")
    return sorted(f for f in os.listdir(out) if f.endswith(".xlsx"))


def row_of(ws, item):
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 1).value == item:
            return row
    raise KeyError(item)


def fill(path, saved_as, rows):
    """Types into the white cells of the Updates sheet as a lead would: {item: {heading: text}}."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Updates"]
    col = columns(ws)
    for item, cells in rows.items():
        for heading, text in cells.items():
            ws.cell(row_of(ws, item), col[heading]).value = text
    wb.save(saved_as)
    return saved_as


# --- setup: a copy of the example content to import into ----------------------------------
os.makedirs(PROJECT)
for folder in ("content", "indicators", "templates"):
    # Installed npm packages (thousands of pictures) are left out; the chosen pictures follow.
    shutil.copytree(os.path.join(SOURCE, folder), os.path.join(PROJECT, folder),
                    ignore=shutil.ignore_patterns("node_modules"))
SVG = os.path.join("templates", "picture-sets", "node_modules", "openmoji", "color", "svg")
os.makedirs(os.path.join(PROJECT, SVG))
with open(os.path.join(SOURCE, "templates", "easy-read", "pictures.yaml"), encoding="utf-8") as chosen:
    for code in re.findall(r"openmoji: ([0-9A-F-]+)", chosen.read()):
        picture = os.path.join(SOURCE, SVG, code + ".svg")
        if os.path.exists(picture):
            shutil.copy(picture, os.path.join(PROJECT, SVG))

# --- export: the example places, opened with openpyxl --------------------------------------
shire = os.path.join(WORK, "shire")
files = export("leicestershire", "2023-12", shire)
check(files == ["cfp.xlsx", "ie.xlsx", "shp.xlsx", "unassigned.xlsx"], f"one workbook per owner: {files}")
city = os.path.join(WORK, "city")
city_files = export("leicester", "2024-12", city)
check(len(city_files) == 8 and "llr-immunisation-board.xlsx" in city_files, f"Leicester's owners: {city_files}")
by_lead = os.path.join(WORK, "by-lead")
check(len(export("leicester", "2024-12", by_lead, "--by", "lead")) == 8, "--by lead writes a workbook per lead")

seen_prefill = 0
for name in files:
    wb = openpyxl.load_workbook(os.path.join(shire, name))
    check(wb.sheetnames == ["Instructions", "Updates"], f"{name}: instructions, then updates")
    ws = wb["Updates"]
    col = columns(ws)
    check(ws.protection.sheet, f"{name}: the Updates sheet is protected")
    check(ws.freeze_panes == "C2", f"{name}: heading row and ids frozen ({ws.freeze_panes})")
    check("PLUS group" not in " ".join(col), f"{name}: no PLUS-group column for a place without them")
    lists = {str(dv.sqref).split(":")[0][0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    rating = openpyxl.utils.get_column_letter(col["Rating"])
    escalate = openpyxl.utils.get_column_letter(col["Escalate to the board?"])
    check(lists.get(rating) == '"' + ",".join(RATINGS) + '"', f"{name}: rating drop-down ({lists})")
    check(lists.get(escalate) == '"Yes,No"', f"{name}: yes/no drop-down ({lists})")
    workbook = openpyxl.utils.get_column_letter(col["Workbook"])
    check(ws.column_dimensions[workbook].hidden, f"{name}: the Workbook column is hidden")
    for row in range(2, ws.max_row + 1):
        for heading in ("ID", "Commitment or project", "Last rating", "Last update"):
            check(ws.cell(row, col[heading]).protection.locked, f"{name}: {heading} locked in row {row}")
        for heading in ("Rating", "Update", "Next steps", "KPI values", "Risks and mitigations"):
            check(not ws.cell(row, col[heading]).protection.locked, f"{name}: {heading} open in row {row}")
    # Items updated in the 2023-12 file come pre-filled, with the rating in words.
    if name == "cfp.xlsx":
        row = row_of(ws, "f1001-breastfeeding")
        check(ws.cell(row, col["Rating"]).value == "Green", "f1001-breastfeeding pre-filled Green")
        check(ws.cell(row, col["Last rating"]).value == "Amber", "last cycle's rating shown: Amber")
        check("peer" in (ws.cell(row, col["Update"]).value or ""), "the update pre-filled")
        check(ws.cell(row_of(ws, "f1001-manifesto"), col["Rating"]).value is None, "an item not updated is empty")
    seen_prefill += sum(1 for r in range(2, ws.max_row + 1) if ws.cell(r, col["Rating"]).value)
check(seen_prefill == 19, f"the 19 updates of 2023-12 are pre-filled ({seen_prefill})")

wb = openpyxl.load_workbook(os.path.join(city, "llr-immunisation-board.xlsx"))
headings = list(columns(wb["Updates"]))
check(sum(h.startswith("PLUS group: ") for h in headings) == 3, f"Leicester: one column per PLUS group {headings}")

again = os.path.join(WORK, "shire-again")
export("leicestershire", "2023-12", again)
check(all(read(os.path.join(shire, f)) == read(os.path.join(again, f)) for f in files), "export is deterministic")
check(run("updates", "export", "leicestershire", "2023-12", "--out", shire)[0] == 0, "export replaces its own files")

# Never overwrite what export did not write (a returned workbook, say).
with open(os.path.join(again, "cfp.xlsx"), "ab") as f:
    f.write(b"changed by a lead")
before = read(os.path.join(again, "cfp.xlsx"))
rc, _, stderr = run("updates", "export", "leicestershire", "2023-12", "--out", again)
check(rc == 1 and "cfp.xlsx: error: exists and was not written by" in stderr, f"refuses to overwrite: {stderr}")
check(read(os.path.join(again, "cfp.xlsx")) == before, "the changed file is left alone")

# --- fill, import, build ---------------------------------------------------------------------
cycle = cycle_file("leicestershire", "2023-12")
original = read(cycle).decode()
cfp = fill(os.path.join(shire, "cfp.xlsx"), os.path.join(WORK, "cfp.xlsx"), {
    "f1001-manifesto": {"Rating": "Green", "Update": "- Manifesto **launched** at the family hubs\n- 1001 days campaign live",
                        "Next steps": "Evaluate the campaign.", "Risks and mitigations": "Staff turnover; training more staff."},
    "f1001-breastfeeding": {"Rating": "Complete", "Update": "Peer support now runs in every district.",
                            "Escalate to the board?": "Yes", "Reason for escalation": "The Board is asked to fund the peer supporters."},
})
rc, stdout, stderr = run("updates", "import", "leicestershire", "2023-12", cfp)
check(rc == 0, f"import exits 0 ({stderr})")
check("cfp.xlsx: Children and Families Partnership: " in stdout and "of 20 came back" in stdout, stdout)
check("f1001-breastfeeding: completed" in stdout, f"the summary says what changed: {stdout}")
merged = read(cycle).decode()
check("Manifesto **launched**" in merged, "the update is in the cycle file")
for line in original.splitlines():
    if line.strip().startswith("#") and "f1001-breastfeeding" not in line:
        check(line in merged, f"comment kept: {line}")
check(original.split("board_paper:")[1] == merged.split("board_paper:")[1], "the board paper is untouched")
rc, stdout, _ = run("updates", "import", "leicestershire", "2023-12", cfp)
check(rc == 0 and "no changes" in stdout and read(cycle).decode() == merged, "importing twice changes nothing")
check(run("check", "leicestershire")[0] == 0, "hwbgen check is clean after the import")
site = os.path.join(WORK, "site")
rc, stderr = build("leicestershire", site)
check(rc == 0, f"the place builds ({stderr})")
report = read(os.path.join(site, "leicestershire", "reports", "2023-12", "index.html")).decode()
check("Manifesto <strong>launched</strong>" in report, "the update is on the report page")
check("The Board is asked to fund the peer supporters." in report, "the escalation is on the report page")
check("Manifesto **launched**" in read(os.path.join(site, "leicestershire", "reports", "2023-12", "index.md")).decode(),
      "the update is in the report's Markdown twin")
# The next meeting: its file is started as new-cycle would (the board paper carried forward),
# and the paper's points for escalation come from the imported workbook.
june = os.path.join(WORK, "june")
export("leicestershire", "2024-06", june)
escalated = fill(os.path.join(june, "cfp.xlsx"), os.path.join(WORK, "june-cfp.xlsx"), {
    "f1001-manifesto": {"Rating": "Red", "Update": "Funding for the campaign was withdrawn.",
                        "Escalate to the board?": "Yes", "Reason for escalation": "The Board is asked to fund the campaign."}})
rc, stdout, stderr = run("updates", "import", "leicestershire", "2024-06", escalated)
check(rc == 0 and "created content/leicestershire/cycles/2024-06.yaml" in stdout, f"a new cycle is created ({stderr})")
check("board_paper:" in read(cycle_file("leicestershire", "2024-06")).decode(), "with the board paper carried forward")
rc, stderr = build("leicestershire", site)
check(rc == 0, f"the next cycle builds ({stderr})")
paper = read(os.path.join(site, "leicestershire", "board-papers", "2024-06", "index.html")).decode()
check("The Board is asked to fund the campaign." in paper, "the escalation is on the board paper page")
check("Funding for the campaign was withdrawn." in
      read(os.path.join(site, "leicestershire", "reports", "2024-06", "index.html")).decode(), "and the update on the report")

# --- a file written by a real spreadsheet program: LibreOffice Calc re-saves it -------------
typed = fill(os.path.join(city, "llr-immunisation-board.xlsx"), os.path.join(WORK, "typed.xlsx"), {
    "imms-school-age": {"Rating": "Amber", "Update": "HPV catch-up sessions held in 12 schools.",
                        "PLUS group: Learning disabilities (LD)": "Special schools visited first.",
                        "KPI values": "HPV: City uptake: 61%"},
})
resaved = os.path.join(WORK, "libreoffice")
p = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{WORK}/lo-profile", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", resaved, typed], capture_output=True, text=True)
check(p.returncode == 0 and os.path.exists(os.path.join(resaved, "typed.xlsx")), f"LibreOffice re-saves ({p.stderr})")
check(not os.path.exists(cycle_file("leicester", "2024-12")), "no 2024-12 cycle yet")
rc, stdout, stderr = run("updates", "import", "leicester", "2024-12", os.path.join(resaved, "typed.xlsx"))
check(rc == 0, f"the LibreOffice file imports ({stderr})")
created = read(cycle_file("leicester", "2024-12")).decode()
check("HPV catch-up sessions held in 12 schools." in created and "Special schools visited first." in created,
      "the re-saved workbook's text is in the new cycle file")
check('current: "61%"' in created, "the KPI value is read")
check("Made by `hwbgen new-cycle`" in created, "a missing cycle is started as new-cycle would")
check(run("check", "leicester")[0] == 0, "the new cycle checks clean")
rc, stderr = build("leicester", site)
check(rc == 0 and "catch-up sessions held in 12 schools." in
      read(os.path.join(site, "leicester", "reports", "2024-12", "index.html")).decode(), "the update is on the page")

# --- CSV, for leads without Excel -----------------------------------------------------------
csv_path = os.path.join(WORK, "shp.csv")
with open(csv_path, "w", newline="", encoding="utf-8-sig") as f:
    w = csv.writer(f)
    w.writerow(["ID", "Rating", "Update", "Escalate to the board?"])
    w.writerow([])
    w.writerow(["sf-air-quality", "amber", "Air quality monitors installed, with a comma, and \"quotes\".", "No"])
rc, stdout, stderr = run("updates", "import", "leicestershire", "2023-12", cfp, csv_path)
check(rc == 0 and 'with a comma, and "quotes".' in read(cycle).decode(), f"a CSV imports ({stderr})")

# --- what other spreadsheet programs write: shared strings with rich text, a date, a number
# stored as text, an extra sheet first, a title above the headings, columns reordered and one
# hidden, blank rows, namespace prefixes ---------------------------------------------------------
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
handmade = os.path.join(WORK, "handmade.xlsx")
with zipfile.ZipFile(handmade, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("xl/workbook.xml", f'<x:workbook xmlns:x="{MAIN}" xmlns:r="{REL}"><x:sheets>'
               '<x:sheet name="Notes" sheetId="1" r:id="rId1"/><x:sheet name="Returned" sheetId="2" r:id="rId2"/>'
               '</x:sheets></x:workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/notes.xml"/>'
               f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="/xl/worksheets/returned.xml"/>'
               f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
               f'<Relationship Id="rId4" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
    strings = ["ID", "Update", "Rating", "f1001-nursing-checks", "Green",
               '<r><t xml:space="preserve">Speech and language </t></r><r><rPr><b/></rPr><t>hubs</t></r>'
               '<r><t xml:space="preserve"> open_x000D_\nsince</t></r><rPh sb="0" eb="1"><t>IGNORED</t></rPh>',
               "Next steps", "KPI values", "Progress returned by the CFP"]
    z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">' +
               "".join(f"<si>{s}</si>" if s.startswith("<r>") else f"<si><t>{s}</t></si>" for s in strings) + "</sst>")
    z.writestr("xl/styles.xml", f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
    z.writestr("xl/worksheets/notes.xml", f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
               '<is><t>Notes for myself</t></is></c></row></sheetData></worksheet>')
    z.writestr("xl/worksheets/returned.xml", f'<worksheet xmlns="{MAIN}"><cols><col min="3" max="3" hidden="1"/></cols><sheetData>'
               '<row r="1"><c r="A1" t="s"><v>8</v></c></row>'
               '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" t="s"><v>0</v></c>'
               '<c r="D3" t="s"><v>2</v></c><c r="E3" t="s"><v>7</v></c></row>'
               '<row r="4"/>'
               '<row r="5"><c r="A5" t="s"><v>5</v></c><c r="B5" s="1"><v>45306</v></c><c r="C5" t="s"><v>3</v></c>'
               '<c r="D5" t="s"><v>4</v></c><c r="E5" t="str"><v>Children reached: 042</v></c></row>'
               '<row r="7"><c r="E7" t="inlineStr"><is><t> </t></is></c></row>'
               '</sheetData></worksheet>')
rc, stdout, stderr = run("updates", "import", "leicestershire", "2023-12", cfp, csv_path, handmade)
text = read(cycle).decode()
check(rc == 0, f"a workbook written by another program imports ({stderr})")
check("Speech and language **hubs** open\n" not in text and "Speech and language hubs open" in text and
      "IGNORED" not in text, "rich text runs joined, phonetic runs left out")
check("2024-01-15" in text, "a date cell reads as a date")
check('current: "042"' in text, "a number stored as text keeps its zero")

# Text that looks like a formula is exported as text, never as a formula.
leicester_cycle = cycle_file("leicester", "2024-12")
with open(leicester_cycle) as f:
    y = f.read()
with open(leicester_cycle, "w") as f:
    f.write(y.replace("HPV catch-up sessions held in 12 schools.", "=HYPERLINK(\"https://example.org\")"))
formulas = os.path.join(WORK, "formulas")
export("leicester", "2025-03", formulas)
ws = openpyxl.load_workbook(os.path.join(formulas, "llr-immunisation-board.xlsx"))["Updates"]
cell = ws.cell(row_of(ws, "imms-school-age"), columns(ws)["Last update"])
check(cell.data_type == "s" and cell.value.startswith("=HYPERLINK"), f"a formula-like text stays text ({cell.data_type})")
rc, _, stderr = run("updates", "export", "leicester", "2025-03", "--out", os.path.join(PROJECT, "content", "x"))
check(rc == 2 and "cannot go in" in stderr and not os.path.exists(os.path.join(PROJECT, "content", "x")),
      "no workbooks inside content/")

# --- broken workbooks: a positioned error or a clear refusal, and the cycle file untouched ---
cycle_bytes = read(cycle)


def refused(files, expected, what):
    rc, _, stderr = run("updates", "import", "leicestershire", "2023-12", *files)
    check(rc == 1, f"{what}: exit 1 (got {rc})")
    check(expected in stderr, f"{what}: expected {expected!r} in:\n{stderr}")
    check("nothing was written" in stderr, f"{what}: says nothing was written")
    check(read(cycle) == cycle_bytes, f"{what}: the cycle file is byte-identical")


def broken(name, rows):
    return fill(os.path.join(shire, "cfp.xlsx"), os.path.join(WORK, name), rows)


row = row_of(openpyxl.load_workbook(cfp)["Updates"], "f1001-manifesto")
refused([broken("rating.xlsx", {"f1001-manifesto": {"Rating": "Amber/Green"}})],
        f"rating.xlsx: Updates!G{row}: error: unknown rating 'Amber/Green'\nhint: did you mean 'Amber'? allowed values: "
        "Red, Amber, Green, Complete, Not started", "a bad rating")
wb = openpyxl.load_workbook(os.path.join(shire, "cfp.xlsx"))
wb["Updates"].cell(row, 1).value = "f1001-manifest"
wb["Updates"].cell(row, 7).value = "Green"
wb.save(os.path.join(WORK, "unknown.xlsx"))
refused([os.path.join(WORK, "unknown.xlsx")],
        f"unknown.xlsx: Updates!A{row}: error: unknown commitment or project 'f1001-manifest'\n"
        "hint: did you mean 'f1001-manifesto'?", "an unknown id")
wb["Updates"].cell(row, 1).value = "sf-air-quality"
wb.save(os.path.join(WORK, "owner.xlsx"))
refused([os.path.join(WORK, "owner.xlsx")],
        f"owner.xlsx: Updates!A{row}: error: 'sf-air-quality' belongs to Staying Healthy Partnership, "
        "not to Children and Families Partnership", "another owner's id")
other = broken("other.xlsx", {"f1001-manifesto": {"Rating": "Red", "Update": "Stalled."}})
refused([cfp, other], f"other.xlsx: Updates!A{row}: error: 'f1001-manifesto' is also in {cfp}: Updates!A{row}, "
        "with a different update", "a clash between two files")
refused([broken("formula.xlsx", {"f1001-manifesto": {"Rating": "Green", "Update": "=1+1"}})],
        f"formula.xlsx: Updates!H{row}: error: a formula ('=1+1'): formulas are not read", "a formula")
refused([broken("html.xlsx", {"f1001-manifesto": {"Rating": "Green", "Update": "Hi <script>alert(1)</script>"}})],
        f"html.xlsx: Updates!H{row}: error: raw HTML is not allowed", "raw HTML")
refused([broken("link.xlsx", {"f1001-manifesto": {"Rating": "Green", "Update": "[x](javascript:alert(1))"}})],
        f"link.xlsx: Updates!H{row}: error: unsafe link 'javascript:alert(1'", "an unsafe link")

with zipfile.ZipFile(cfp) as z:
    parts = {n: z.read(n) for n in z.namelist()}


def crafted(name, replace):
    path = os.path.join(WORK, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in {**parts, **replace}.items():
            z.writestr(n, data)
    return path


big = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + \
      b"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>" * 900000 + b"</sheetData></worksheet>"
check(len(big) > 50 << 20, "the big sheet is over 50 MB")
refused([crafted("big.xlsx", {"xl/worksheets/sheet2.xml": big})],
        "big.xlsx: error: xl/worksheets/sheet2.xml would expand to", "a 50 MB sheet")
refused([crafted("bomb.xlsx", {"xl/sharedStrings.xml": b" " * (40 << 20)})],
        "this looks like a zip bomb", "a zip bomb")
with open(os.path.join(WORK, "letter.xlsx"), "w") as f:
    f.write("Dear HWB manager, please find my update attached.\n")
refused([os.path.join(WORK, "letter.xlsx")], "letter.xlsx: error: not a zip file", "a file that is not a zip")

shutil.rmtree(WORK, ignore_errors=True)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
