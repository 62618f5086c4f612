# Runs in the copied project folder before the command.
set -e
python3 - <<'PY'
import csv, io
p = 'indicators/data/minimal.csv'
rows = list(csv.reader(open(p, newline='')))
head = rows[0]
payload = {'Area Name': '=HYPERLINK("https://evil.example","x")', 'Sex': '+SUM(1,1)',
           'Age': "-2+3+cmd|' /C calc'!A0", 'Indicator Name': '@SUM(1)', 'Parent Name': '\t=1',
           'Category Type': '\r=1', 'Category': '=1', 'Value note': '=1', 'Area Type': '=1'}
changed = 0
for r in rows[1:]:
    for k, v in payload.items():
        r[head.index(k)] = v
        changed += 1
assert len(rows) > 1 and changed == len(payload) * (len(rows) - 1), changed
w = io.StringIO()
# CRLF line ends, as Fingertips writes them; Python then quotes the cell holding a CR.
csv.writer(w, lineterminator='\r\n').writerows(rows)
open(p, 'w', newline='').write(w.getvalue())
PY
