# Runs in the copied project folder before the command.
set -e
sed -i 's|Screening runs in every nursery.|Screening runs. ![x](http://127.0.0.1:9/x.png)|' content/minimal/cycles/2024-06.yaml
grep -q '127.0.0.1' content/minimal/cycles/2024-06.yaml
