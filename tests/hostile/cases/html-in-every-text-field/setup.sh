# Runs in the copied project folder before the command.
set -e
python3 "$(dirname "$0")/../../every_text.py" \
  '<script>alert(9)</script> <img src=x onerror=alert(9)> javascript:alert(9) <a href="javascript:alert(9)">a</a> <svg onload=alert(9)> http://x.org/"><script>alert(9)</script>' 89
# A table row with more cells than its header: GFM drops the extra cell, other readers do not.
cat > content/minimal/pages/02-table.yaml <<'YAML'
id: table
title: Table
body: |
  | A | B |
  |---|---|
  | 1 | 2 | <script>alert(9)</script> |
YAML
