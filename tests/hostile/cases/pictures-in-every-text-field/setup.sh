# Runs in the copied project folder before the command.
set -e
python3 "$(dirname "$0")/../../every_text.py" '![p](/etc/passwd)' 98
