# Runs in the copied project folder before the command.
set -e
python3 - <<'PY'
import re
p = 'content/minimal/place.yaml'
s = open(p).read()
s, n = re.subn(r'email: [^\n]*', 'email: "x@example.org?bcc=all@example.org"', s, count=1)
assert n == 1, 'no email in the fixture'
open(p, 'w').write(s)
PY
