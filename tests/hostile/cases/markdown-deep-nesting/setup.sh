# Runs in the copied project folder before the command.
set -e
python3 - <<'PY'
import json
parts = ['> ' * 20000 + 'quote', '[' * 20000 + 'x' + ']' * 20000, '*' * 20000 + 'x' + '*' * 20000,
         '\n'.join('  ' * i + '- item' for i in range(300)), '_' * 10000 + 'x' + '_' * 10000,
         '`' * 10000 + 'x', '<' * 5000 + 'a' + '>' * 5000]
body = '\n\n'.join(parts)
assert len(body) < 262144, len(body)
open('content/minimal/pages/02-deep.yaml', 'w').write(
    'id: deep\ntitle: Deep page\nbody: ' + json.dumps(body) + '\n')
PY
