# Runs in the copied project folder before the command.
set -e
sed -i 's|^  purpose:$|  purpose:\n    - "See ![x](/etc/passwd) here."|' content/minimal/cycles/2024-06.yaml
grep -q 'etc/passwd' content/minimal/cycles/2024-06.yaml
