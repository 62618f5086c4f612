# Runs in the copied project folder before the command.
set -e
python3 - <<'PY'
import re
p = 'content/minimal/cycles/2024-06.yaml'
s = open(p).read()
s, n = re.subn(r'link: [^\n]*', 'link: "javascript:alert(1)"', s, count=1)
assert n == 1
open(p, 'w').write(s)
PY
