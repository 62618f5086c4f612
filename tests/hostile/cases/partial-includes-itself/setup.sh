# Runs in the copied project folder before the command.
set -e
p=content/minimal/templates/partials
mkdir -p $p
echo 'x{{> indicator_table}}' > $p/indicator_table.mustache
echo '{{> b}}' > $p/a.mustache
echo '{{#x}}{{> a}}{{/x}}' > $p/b.mustache
echo '{{> a}}' > $p/rag_table.mustache
echo '{{> g1}}' > $p/logic_model.mustache
# g1 includes g2 ten times, g2 g3 ten times, ... : 10^9 copies of g10 once put in.
python3 - <<'PY'
p = 'content/minimal/templates/partials/'
for i in range(1, 10):
    open(f'{p}g{i}.mustache', 'w').write(('{{> g%d}}' % (i + 1)) * 10 + 'x' * 100 + '\n')
open(f'{p}g10.mustache', 'w').write('y' * 1000 + '\n')
PY
